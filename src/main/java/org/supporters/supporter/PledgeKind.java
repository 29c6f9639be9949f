package org.supporters.supporter;

import com.fasterxml.jackson.annotation.JsonValue;

/** A pledge renews (at a tier or a chosen amount) or is paid once. */
public enum PledgeKind {

	RECURRING("recurring"),

	ONE_OFF("one_off");

	private final String code;

	PledgeKind(String code) {
		this.code = code;
	}

	/** The word stored in the database, and written in JSON. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public static PledgeKind of(String code) {
		for (PledgeKind value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown PledgeKind: " + code);
	}

}
