package org.supporters.supporter;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of the money a payment took. */
public enum PaymentStatus {

	SUCCEEDED("succeeded"),

	FAILED("failed"),

	REFUNDED("refunded"),

	PARTIALLY_REFUNDED("partially_refunded"),

	DISPUTED("disputed"),

	DISPUTE_LOST("dispute_lost");

	private final String code;

	PaymentStatus(String code) {
		this.code = code;
	}

	/** The word stored in the database, and written in JSON. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public static PaymentStatus of(String code) {
		for (PaymentStatus value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown PaymentStatus: " + code);
	}

}
