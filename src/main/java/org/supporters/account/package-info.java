/**
 * Readers signing in (mailed link or one-time code, or straight after checkout), their
 * sessions, and the account page, where they read their membership in words and change
 * their own support (amount, tier, interval, cancel, resume) through the payment
 * provider.
 */
package org.supporters.account;
