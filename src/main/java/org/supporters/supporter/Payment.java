package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

import org.supporters.catalog.Money;

/**
 * Money taken (or failed, refunded, disputed) for a pledge.
 *
 * @param refunded how much of {@code amount} was given back, in the same currency
 * @param occurredAt when the provider took the money, or the attempt failed
 */
public record Payment(UUID id, UUID pledgeId, Money amount, PaymentStatus status, Money refunded, String failureReason,
		Provider provider, String providerRef, Instant occurredAt) {
}
