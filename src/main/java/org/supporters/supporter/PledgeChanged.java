package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * The provider now charges a recurring pledge differently: another amount, tier or
 * interval, as the reader asked.
 *
 * @param tierId the catalog's tier, or {@code null} for an own amount
 */
public record PledgeChanged(UUID supporterId, UUID pledgeId, Money amount, BillingInterval interval, Long tierId,
		Instant at) {
}
