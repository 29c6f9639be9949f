package org.supporters.membership;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of member a supporter is now; the membership JSON and token carry its code.
 * Ordered from the weakest to the strongest: when a supporter is a member in several
 * ways, the strongest wins.
 */
public enum MembershipStatus {

	NONE("none"),

	CONTRIBUTOR("contributor"),

	GRACE("grace"),

	COMP("comp"),

	CANCELING("canceling"),

	ACTIVE("active");

	private final String code;

	MembershipStatus(String code) {
		this.code = code;
	}

	/** The word of the membership contract, e.g. {@code grace}. */
	@JsonValue
	public String code() {
		return this.code;
	}

}
