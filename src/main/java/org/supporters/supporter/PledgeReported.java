package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * The provider reported the state of a pledge (a subscription, or a paid one-off
 * contribution) as it was at {@code observedAt}. It says what the provider did, not what
 * follows from it: the ledger decides what the pledge becomes. An older report than the
 * one already applied changes nothing.
 *
 * @param checkoutId our checkout the pledge started from, when known
 * @param interval {@code null} for a one-off contribution
 * @param endedReason why the provider ended it ({@link EndedReason#CANCELED} by the
 * reader, {@link EndedReason#PAYMENT_FAILED} when it gave up retrying), only when
 * {@code state} is {@link State#ENDED}
 * @param startedAt when the reader paid or subscribed, by the provider's clock: a period
 * counts from there, however late the report arrives
 * @param nextRetryAt when the provider will next retry a failed renewal, while
 * {@code state} is {@link State#PAST_DUE} and it still retries; otherwise {@code null}
 * @param cancelReason why the reader canceled, when the provider says (it keeps what the
 * reader told it); {@code null} when it does not, and the ledger keeps what it heard
 * @param cancelComment the reader's own words about it, or {@code null}
 */
public record PledgeReported(Provider provider, String reference, UUID checkoutId, String email, String name,
		String tierSlug, Money amount, BillingInterval interval, State state, Instant currentPeriodEnd,
		boolean cancelAtPeriodEnd, EndedReason endedReason, Instant startedAt, Instant observedAt, Instant nextRetryAt,
		CancelReason cancelReason, String cancelComment) implements ProviderReport {

	/**
	 * A report that says nothing of a retry (the provider is not retrying one), nor of a
	 * reason to cancel.
	 */
	public PledgeReported(Provider provider, String reference, UUID checkoutId, String email, String name,
			String tierSlug, Money amount, BillingInterval interval, State state, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, EndedReason endedReason, Instant startedAt, Instant observedAt) {
		this(provider, reference, checkoutId, email, name, tierSlug, amount, interval, state, currentPeriodEnd,
				cancelAtPeriodEnd, endedReason, startedAt, observedAt, null, null, null);
	}

	/** A report that says nothing of a reason to cancel. */
	public PledgeReported(Provider provider, String reference, UUID checkoutId, String email, String name,
			String tierSlug, Money amount, BillingInterval interval, State state, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, EndedReason endedReason, Instant startedAt, Instant observedAt,
			Instant nextRetryAt) {
		this(provider, reference, checkoutId, email, name, tierSlug, amount, interval, state, currentPeriodEnd,
				cancelAtPeriodEnd, endedReason, startedAt, observedAt, nextRetryAt, null, null);
	}

	/** The same report, carrying why the reader canceled. */
	public PledgeReported withCancellation(CancelReason reason, String comment) {
		return new PledgeReported(this.provider, this.reference, this.checkoutId, this.email, this.name, this.tierSlug,
				this.amount, this.interval, this.state, this.currentPeriodEnd, this.cancelAtPeriodEnd, this.endedReason,
				this.startedAt, this.observedAt, this.nextRetryAt, reason, comment);
	}

	public boolean recurring() {
		return this.interval != null;
	}

	/** What the provider says of the pledge. */
	public enum State {

		/** A one-off contribution was paid. */
		PAID,

		/** A subscription is paid for its current period. */
		ACTIVE,

		/** A renewal failed and the provider is retrying. */
		PAST_DUE,

		/** The provider stopped the subscription, for {@code endedReason}. */
		ENDED

	}

}
