package org.supporters.supporter;

import java.time.Instant;

import org.supporters.catalog.Money;

/**
 * The provider reported the state of one payment for a pledge as it was at
 * {@code observedAt}.
 *
 * @param occurredAt when the money was taken (or the attempt failed), by the provider's
 * clock
 */
public record PaymentReported(Provider provider, String reference, String pledgeReference, Money amount,
		PaymentStatus status, long refundedMinor, String failureReason, Instant occurredAt,
		Instant observedAt) implements ProviderReport {
}
