package org.supporters.supporter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a reader canceled, from the short list the cancel form offers; staff see the counts
 * on the dashboard.
 */
public enum CancelReason {

	TOO_EXPENSIVE("too_expensive", "It costs too much"),

	NOT_READING("not_reading", "I don't read enough to keep paying"),

	UNHAPPY("unhappy", "I'm unhappy with the journalism"),

	OTHER_PUBLICATION("other_publication", "I support another publication instead"),

	OTHER("other", "Another reason");

	private final String code;

	private final String label;

	CancelReason(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The word stored in the database, in forms and at the provider. */
	@JsonValue
	public String code() {
		return this.code;
	}

	/** As the reader chose it, and staff read it. */
	public String label() {
		return this.label;
	}

	public static CancelReason of(String code) {
		for (CancelReason value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown CancelReason: " + code);
	}

}
