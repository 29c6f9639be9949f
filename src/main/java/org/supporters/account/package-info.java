/**
 * Readers signing in (mailed link or one-time code, or straight after checkout), their
 * sessions, and the account page.
 */
package org.supporters.account;
