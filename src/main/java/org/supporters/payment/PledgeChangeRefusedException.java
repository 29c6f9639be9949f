package org.supporters.payment;

/**
 * The provider will not change this pledge: it ended meanwhile, it is not the reader's,
 * or it is in a state that allows no change. Nothing was changed.
 */
public class PledgeChangeRefusedException extends RuntimeException {

	private final Reason reason;

	public PledgeChangeRefusedException(Reason reason) {
		super("The provider refused the change: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why, in words the account page turns into a message. */
	public enum Reason {

		/** It ended, or was never the reader's: the page says the same for both. */
		ENDED,

		/** A renewal failed and is being retried: the card comes first. */
		PAYMENT_FAILING,

		/** It is canceled to period end: resume it first. */
		CANCELING,

		/** The card was declined for the prorated charge: the pledge stays as it was. */
		DECLINED

	}

}
