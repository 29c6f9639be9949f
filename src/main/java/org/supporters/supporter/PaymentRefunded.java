package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

import org.supporters.catalog.Money;

/**
 * Money of a payment was given back: {@code refunded} this time, in full when
 * {@code full}.
 */
public record PaymentRefunded(UUID supporterId, UUID pledgeId, UUID paymentId, Money refunded, boolean full,
		Instant at) {
}
