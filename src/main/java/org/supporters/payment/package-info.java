/**
 * Where money moves: the {@link org.supporters.payment.PaymentProvider} port and the
 * durable inbox every provider event passes through, with its admin page.
 */
package org.supporters.payment;
