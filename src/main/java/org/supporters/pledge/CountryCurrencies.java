package org.supporters.pledge;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The currency a country pays in: ISO 3166 alpha-2 country codes to ISO 4217 currency
 * codes, e.g. DE, FR, IE → EUR, GB → GBP, US → USD, CH → CHF. The table is the JDK's own
 * (kept current with ISO 4217's amendments by JDK updates), plus the codes CDNs send that
 * ISO 3166 does not list yet.
 */
final class CountryCurrencies {

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

	/**
	 * Kosovo (XK, a user-assigned code Cloudflare and CloudFront send) pays in euros.
	 * Cloudflare's XX (unknown) and T1 (Tor) have no currency.
	 */
	private static final Map<String, String> CDN_COUNTRIES = Map.of("XK", "EUR");

	private CountryCurrencies() {
	}

	/**
	 * The currency of a country code as a CDN or a browser sends it; empty for anything
	 * that is not a country with a currency of its own (Antarctica), or not a country
	 * code at all.
	 */
	static Optional<String> currencyOf(String country) {
		if (country == null || !COUNTRY.matcher(country).matches()) {
			return Optional.empty();
		}
		String code = country.toUpperCase(Locale.ROOT);
		if (CDN_COUNTRIES.containsKey(code)) {
			return Optional.of(CDN_COUNTRIES.get(code));
		}
		if (!ISO_COUNTRIES.contains(code)) {
			return Optional.empty();
		}
		try {
			Currency currency = Currency.getInstance(new Locale("", code));
			return (currency != null) ? Optional.of(currency.getCurrencyCode()) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
