package org.supporters.supporter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a pledge stands: a recurring one is active, past due or canceled; a one-off is
 * paid or refunded.
 */
public enum PledgeStatus {

	ACTIVE("active"),

	PAST_DUE("past_due"),

	CANCELED("canceled"),

	PAID("paid"),

	REFUNDED("refunded");

	private final String code;

	PledgeStatus(String code) {
		this.code = code;
	}

	/** The word stored in the database, and written in JSON. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public static PledgeStatus of(String code) {
		for (PledgeStatus value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown PledgeStatus: " + code);
	}

}
