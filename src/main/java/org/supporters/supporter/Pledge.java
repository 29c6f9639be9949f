package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * A supporter's commitment, as the ledger keeps it.
 *
 * @param tierId the catalog's tier, or {@code null} for an own amount or a one-off
 * @param interval {@code null} for a one-off
 * @param createdAt when the reader pledged, by the provider's clock
 * @param endedReason why it ended, or {@code null} while it has not
 * @param nextRetryAt when the provider retries a failed renewal next, while past due and
 * it still retries; otherwise {@code null}
 * @param cancelReason why the reader canceled, when they said; {@code null} otherwise
 * @param cancelComment the reader's own words about it, or {@code null}
 */
public record Pledge(UUID id, UUID supporterId, PledgeKind kind, Long tierId, Money amount, BillingInterval interval,
		PledgeStatus status, Provider provider, String providerRef, Instant createdAt, Instant currentPeriodEnd,
		boolean cancelAtPeriodEnd, Instant endedAt, EndedReason endedReason, Instant nextRetryAt,
		CancelReason cancelReason, String cancelComment) {

	/** A pledge the reader never gave a reason to cancel. */
	public Pledge(UUID id, UUID supporterId, PledgeKind kind, Long tierId, Money amount, BillingInterval interval,
			PledgeStatus status, Provider provider, String providerRef, Instant createdAt, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, Instant endedAt, EndedReason endedReason, Instant nextRetryAt) {
		this(id, supporterId, kind, tierId, amount, interval, status, provider, providerRef, createdAt,
				currentPeriodEnd, cancelAtPeriodEnd, endedAt, endedReason, nextRetryAt, null, null);
	}

	public boolean recurring() {
		return this.kind == PledgeKind.RECURRING;
	}

	/** Whether the provider will charge it again. */
	public boolean stillCharging() {
		return recurring() && (this.status == PledgeStatus.ACTIVE || this.status == PledgeStatus.PAST_DUE)
				&& !this.cancelAtPeriodEnd;
	}

}
