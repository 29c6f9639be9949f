/**
 * Stripe as the payment provider: Checkout, the Customer Portal, signed webhooks into the
 * inbox, and a reconciliation job for what the webhooks missed.
 */
package org.supporters.payment.stripe;
