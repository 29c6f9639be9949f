package org.supporters.payment.stripe;

import org.supporters.supporter.PledgeReported.State;

/**
 * Stripe's words for where a subscription stands, and what each says of the pledge;
 * {@code null} while it was never paid (incomplete) or is paused.
 */
enum StripeSubscriptionStatus {

	ACTIVE("active", State.ACTIVE),

	TRIALING("trialing", State.ACTIVE),

	PAST_DUE("past_due", State.PAST_DUE),

	UNPAID("unpaid", State.PAST_DUE),

	CANCELED("canceled", State.ENDED),

	INCOMPLETE("incomplete", null),

	INCOMPLETE_EXPIRED("incomplete_expired", null),

	PAUSED("paused", null);

	private final String code;

	private final State state;

	StripeSubscriptionStatus(String code, State state) {
		this.code = code;
		this.state = state;
	}

	State state() {
		return this.state;
	}

	/** The status named, or {@code null} for one this service does not know. */
	static StripeSubscriptionStatus of(String code) {
		for (StripeSubscriptionStatus status : values()) {
			if (status.code.equals(code)) {
				return status;
			}
		}
		return null;
	}

}
