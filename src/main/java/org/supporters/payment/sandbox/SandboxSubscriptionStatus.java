package org.supporters.payment.sandbox;

/**
 * Where a sandbox subscription stands, in Stripe's words: paid, being retried after a
 * failed renewal, or over.
 */
public enum SandboxSubscriptionStatus {

	ACTIVE("active"),

	PAST_DUE("past_due"),

	CANCELED("canceled");

	private final String code;

	SandboxSubscriptionStatus(String code) {
		this.code = code;
	}

	/** The word stored in the database. */
	public String code() {
		return this.code;
	}

	public static SandboxSubscriptionStatus of(String code) {
		for (SandboxSubscriptionStatus value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown SandboxSubscriptionStatus: " + code);
	}

}
