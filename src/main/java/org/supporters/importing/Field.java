package org.supporters.importing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.supporters.supporter.SupporterSource;

/**
 * What the import reads from a row, and the headers each source writes for it (matched by
 * name in any letter case, spaces, dashes and underscores alike).
 */
enum Field {

	NAME(List.of("Name"), List.of("name")),

	EMAIL(List.of("Email"), List.of("email")),

	TIER(List.of("Tier"), List.of("tier")),

	AMOUNT(List.of("Pledge Amount"), List.of("amount")),

	CURRENCY(List.of("Currency"), List.of("currency")),

	INTERVAL(List.of("Charge Frequency"), List.of("interval")),

	STATUS(List.of("Patron Status"), List.of()),

	SINCE(List.of("Patronage Since Date"), List.of("since")),

	LAST_CHARGE(List.of("Last Charge Date"), List.of()),

	LAST_CHARGE_STATUS(List.of("Last Charge Status"), List.of()),

	NEXT_CHARGE(List.of("Next Charge Date"), List.of()),

	ACCESS_EXPIRATION(List.of("Access Expiration"), List.of()),

	PAID_THROUGH(List.of(), List.of("paid through", "paid through date")),

	LIFETIME(List.of("Lifetime Amount"), List.of("lifetime amount")),

	NOTE(List.of("Additional Details"), List.of("note"));

	/** Columns Patreon's members export writes that the import does not need. */
	static final Set<String> PATREON_OTHERS = Set.of("discord", "follows you", "free member", "free trial", "addressee",
			"street", "city", "state", "zip", "country", "phone", "user id", "last updated", "max posts", "shipping",
			"address line 1", "address line 2", "billing period", "patron id");

	private final List<String> patreon;

	private final List<String> generic;

	Field(List<String> patreon, List<String> generic) {
		this.patreon = patreon;
		this.generic = generic;
	}

	/** Whether a header (normalised) names this field in the source's files. */
	boolean named(SupporterSource source, String header) {
		List<String> names = (source == SupporterSource.PATREON) ? this.patreon : this.generic;
		return names.stream().anyMatch((name) -> normalise(name).equals(header));
	}

	/** "Pledge Amount", "pledge_amount" and "PLEDGE-AMOUNT" are one header. */
	static String normalise(String header) {
		return header.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
	}

	/** The header to name in messages when the column is missing. */
	String header(SupporterSource source) {
		List<String> names = (source == SupporterSource.PATREON) ? this.patreon : this.generic;
		return names.isEmpty() ? name().toLowerCase(Locale.ROOT) : names.get(0);
	}

}
