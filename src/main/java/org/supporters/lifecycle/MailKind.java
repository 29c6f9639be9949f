package org.supporters.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which mail of a reader's life. */
public enum MailKind {

	WELCOME("welcome"),

	RENEWAL_RECEIPT("renewal_receipt"),

	PAYMENT_FAILED("payment_failed"),

	RECOVERED("recovered"),

	RENEWAL_NOTICE("renewal_notice"),

	CANCELED("canceled"),

	ENDED("ended"),

	CONTRIBUTOR_ENDING("contributor_ending"),

	COMP_ENDING("comp_ending");

	private final String code;

	MailKind(String code) {
		this.code = code;
	}

	/** The word stored in the database. */
	@JsonValue
	public String code() {
		return this.code;
	}

	public static MailKind of(String code) {
		for (MailKind value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown MailKind: " + code);
	}

}
