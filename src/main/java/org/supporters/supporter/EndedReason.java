package org.supporters.supporter;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a pledge ended. */
public enum EndedReason {

	CANCELED("canceled"),

	PAYMENT_FAILED("payment_failed"),

	REFUNDED("refunded"),

	DISPUTE_LOST("dispute_lost");

	private final String code;

	EndedReason(String code) {
		this.code = code;
	}

	/** The word stored in the database, and written in JSON. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public static EndedReason of(String code) {
		for (EndedReason value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown EndedReason: " + code);
	}

}
