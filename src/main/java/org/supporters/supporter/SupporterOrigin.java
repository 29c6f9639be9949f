package org.supporters.supporter;

import java.time.Instant;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * Where an imported supporter came from and their history there, kept as facts: what the
 * other service said about them when they were imported (or last re-imported). Nothing
 * here is a pledge or a payment of ours.
 *
 * @param since when they started supporting there, or {@code null}
 * @param lifetime what they paid there in all, or {@code null}
 * @param externalTier their tier's name there, or {@code null}
 * @param amount what they pledged there each interval, or {@code null}
 * @param interval how often they paid there, or {@code null}
 * @param note a note from the file, or {@code null}
 */
public record SupporterOrigin(SupporterSource source, Instant since, Money lifetime, String externalTier, Money amount,
		BillingInterval interval, String note, Instant importedAt, Instant updatedAt) {
}
