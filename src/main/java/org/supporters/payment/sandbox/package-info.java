/**
 * The offline payment provider: a hosted checkout page with Stripe's test cards, renewals
 * and a clock a person can move.
 */
package org.supporters.payment.sandbox;
