package org.supporters.supporter;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where money moves. */
public enum Provider {

	STRIPE("stripe"),

	SANDBOX("sandbox");

	private final String code;

	Provider(String code) {
		this.code = code;
	}

	/** The word stored in the database, and written in JSON. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public static Provider of(String code) {
		for (Provider value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown Provider: " + code);
	}

}
