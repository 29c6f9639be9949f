package org.supporters.payment;

import java.time.Instant;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * The provider reported the state of a pledge (a subscription, or a paid one-off
 * contribution) as it was at {@code observedAt}. Applying it is idempotent; an older
 * report than the one already applied changes nothing.
 *
 * @param checkoutId our checkout the pledge started from, when known
 * @param interval {@code null} for a one-off contribution
 * @param status {@code active}, {@code past_due}, {@code canceled}, {@code paid} or
 * {@code refunded}
 * @param endedReason why a pledge ended, or {@code null}
 */
public record PledgeReported(String provider, String reference, UUID checkoutId, String email, String name,
		String tierSlug, Money amount, BillingInterval interval, String status, Instant currentPeriodEnd,
		boolean cancelAtPeriodEnd, String endedReason, Instant observedAt) implements ProviderReport {

	public boolean recurring() {
		return this.interval != null;
	}

}
