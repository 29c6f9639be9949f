/**
 * Where money moves: the {@link org.supporters.payment.PaymentProvider} port and the
 * durable inbox every provider event passes through.
 */
package org.supporters.payment;
