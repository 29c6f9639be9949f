package org.supporters.catalog;

/** How often a recurring pledge is paid. */
public enum BillingInterval {

	MONTH("month", "monthly", "/month"), YEAR("year", "yearly", "/year");

	private final String code;

	private final String adjective;

	private final String perLabel;

	BillingInterval(String code, String adjective, String perLabel) {
		this.code = code;
		this.adjective = adjective;
		this.perLabel = perLabel;
	}

	/** The word stored in the database and used in forms. */
	public String code() {
		return this.code;
	}

	public String adjective() {
		return this.adjective;
	}

	public String perLabel() {
		return this.perLabel;
	}

	public static BillingInterval fromCode(String code) {
		for (BillingInterval interval : values()) {
			if (interval.code.equals(code)) {
				return interval;
			}
		}
		throw new IllegalArgumentException("unknown billing interval: " + code);
	}

}
