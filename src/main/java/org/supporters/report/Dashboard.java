package org.supporters.report;

import java.util.List;

import org.supporters.catalog.Money;

/**
 * The dashboard's figures. Amounts are per currency: currencies are never added together.
 *
 * @param activeSupporters supporters with a recurring pledge that is active or being
 * retried
 * @param failingNow recurring pledges whose last renewal failed and which the provider is
 * retrying
 * @param recovered pledges whose payment failed in the last 30 days and that are active
 * again
 */
record Dashboard(long activeSupporters, List<TierCount> tiers, List<Recurring> recurring, List<Month> months,
		long failingNow, long recovered, Churn churn) {

	/**
	 * This calendar month's (UTC) failed renewals and what became of them, and the
	 * readers' cancels.
	 *
	 * @param failedRenewals recurring pledges with a failed payment this month
	 * @param recovered pledges whose failed payment was followed by a paid one this month
	 * @param recoveredAmounts what those paid, per currency
	 * @param lostToFailedPayments pledges that ended this month because the provider gave
	 * up retrying
	 * @param cancellations readers' cancels heard this month, per reason (most first)
	 */
	record Churn(String month, long failedRenewals, long recovered, List<Money> recoveredAmounts,
			long lostToFailedPayments, List<ReasonCount> cancellations) {

		public long canceled() {
			return this.cancellations.stream().mapToLong(ReasonCount::count).sum();
		}

	}

	/**
	 * Cancels for one reason; {@code reason} "No reason given" when the reader gave none.
	 */
	record ReasonCount(String reason, long count) {
	}

	/**
	 * Active supporters at one tier; {@code tierName} "Own amount" for pledges without
	 * one.
	 */
	record TierCount(String tierName, long supporters) {
	}

	/** Monthly and annual recurring revenue in one currency. */
	record Recurring(Money mrr, Money arr, long pledges) {
	}

	/** One calendar month (UTC), e.g. {@code 2026-01}. */
	record Month(String label, long newSupporters, long churned, List<Money> oneOffRevenue) {
	}

}
