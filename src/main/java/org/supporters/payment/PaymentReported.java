package org.supporters.payment;

import java.time.Instant;

import org.supporters.catalog.Money;

/**
 * The provider reported the state of one payment for a pledge as it was at
 * {@code observedAt}.
 *
 * @param status {@code succeeded}, {@code failed}, {@code refunded},
 * {@code partially_refunded}, {@code disputed} or {@code dispute_lost}
 */
public record PaymentReported(String provider, String reference, String pledgeReference, Money amount, String status,
		long refundedMinor, String failureReason, Instant occurredAt, Instant observedAt) implements ProviderReport {
}
