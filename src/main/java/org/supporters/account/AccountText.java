package org.supporters.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.supporter.Pledge;

/** The account pages' words for what the ledger and membership keep as codes. */
final class AccountText {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private AccountText() {
	}

	static String date(Instant instant) {
		return DATE.format(instant);
	}

	/** A date in the same year as now without the year ("16 January"), else with it. */
	static String shortDate(Instant instant, Instant now) {
		return (instant.atOffset(ZoneOffset.UTC).getYear() == now.atOffset(ZoneOffset.UTC).getYear())
				? DAY.format(instant) : DATE.format(instant);
	}

	static String per(BillingInterval interval) {
		return (interval == BillingInterval.YEAR) ? "a year" : "a month";
	}

	/** E.g. "€10.00 a month, Supporter tier", or "€25.00 once". */
	static String terms(Pledge pledge, Catalog catalog) {
		if (!pledge.recurring()) {
			return pledge.amount().formatted() + " once";
		}
		String tier = (pledge.tierId() != null) ? catalog.tier(pledge.tierId()).map(Tier::name).orElse(null) : null;
		return pledge.amount().formatted() + " " + per(pledge.interval())
				+ ((tier != null) ? ", " + tier + " tier" : "");
	}

}
