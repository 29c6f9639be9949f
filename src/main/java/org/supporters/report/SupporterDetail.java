package org.supporters.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.membership.Membership;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.Provider;

/** Everything the supporter page shows. */
record SupporterDetail(Supporter supporter, Membership membership, List<PledgeLine> pledges, List<PaymentLine> payments,
		List<PaymentLine> refunds, List<EventLine> events, List<CompLine> comps, List<ProviderLink> providerLinks,
		List<CancellationLine> cancellations) {

	/**
	 * The supporter; {@code erasedAt} is set once they had their personal data erased.
	 */
	record Supporter(UUID id, String email, String name, Instant joined, Instant erasedAt) {
	}

	record PledgeLine(UUID id, PledgeKind kind, String tierName, BillingInterval interval, Money amount,
			PledgeStatus status, Provider provider, String providerRef, Instant createdAt, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, Instant endedAt, EndedReason endedReason) {

		public boolean recurring() {
			return this.kind == PledgeKind.RECURRING;
		}

	}

	/**
	 * @param refunded the amount refunded, or null when none
	 */
	record PaymentLine(Instant occurredAt, Money amount, PaymentStatus status, Money refunded, String failureReason,
			Provider provider, String providerRef) {
	}

	record EventLine(long id, String eventId, String type, Instant receivedAt, Instant processedAt, int attempts,
			String lastError) {
	}

	record CompLine(UUID id, String tierName, Instant validUntil, String reason, Instant grantedAt, Instant revokedAt) {
	}

	/**
	 * Why the reader canceled a pledge, as they told the cancel form.
	 *
	 * @param reason the reason's label, or {@code null} when they gave none
	 * @param comment their own words, or {@code null}
	 */
	record CancellationLine(UUID pledgeId, Instant canceledAt, String reason, String comment) {
	}

	/** A link to the customer or subscription in the provider's own dashboard. */
	record ProviderLink(String label, String url) {
	}

}
