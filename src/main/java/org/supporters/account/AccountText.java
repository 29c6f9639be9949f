package org.supporters.account;

import java.time.Instant;
import java.util.List;

import org.supporters.platform.Languages;
import org.supporters.platform.ReaderFormat;
import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.supporter.Pledge;

/** The account pages' words for what the ledger and membership keep as codes. */
final class AccountText {

	private AccountText() {
	}

	static String date(Instant instant) {
		return ReaderFormat.date(instant, Languages.current());
	}

	/** A date in the same year as now without the year ("16 January"), else with it. */
	static String shortDate(Instant instant, Instant now) {
		return ReaderFormat.shortDate(instant, now, Languages.current());
	}

	/**
	 * A benefit's readable form, e.g. "Members only" for {@code members-only}, until the
	 * catalog has labels of its own.
	 */
	static String benefit(String slug) {
		String words = slug.replace('-', ' ').replace('_', ' ').strip();
		return words.isEmpty() ? slug : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static List<String> benefits(List<String> slugs) {
		return slugs.stream().map(AccountText::benefit).toList();
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
