package org.supporters.catalog;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** How often a recurring pledge is paid. */
public enum BillingInterval {

	MONTH("month", "monthly", Period.ofMonths(1)), YEAR("year", "yearly", Period.ofYears(1));

	private final String code;

	private final String adjective;

	private final Period length;

	BillingInterval(String code, String adjective, Period length) {
		this.code = code;
		this.adjective = adjective;
		this.length = length;
	}

	/** The word stored in the database and used in forms. */
	public String code() {
		return this.code;
	}

	public String adjective() {
		return this.adjective;
	}

	/** When a period that starts at {@code start} ends, by the calendar (in UTC). */
	public Instant periodEnd(Instant start) {
		return start.atZone(ZoneOffset.UTC).plus(this.length).toInstant();
	}

	/** When the period that ends at {@code end} started, by the calendar (in UTC). */
	public Instant periodStart(Instant end) {
		return end.atZone(ZoneOffset.UTC).minus(this.length).toInstant();
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
