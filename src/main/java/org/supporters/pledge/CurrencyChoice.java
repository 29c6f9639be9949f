package org.supporters.pledge;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.supporters.catalog.CurrencyCodes;

/**
 * Which currency the support page offers a reader, in this order: their explicit choice
 * (the page's currency picker now, else the cookie that remembers it), the country their
 * site's CDN says they are in, the region of their browser's preferred languages, else
 * the default currency. Only currencies on offer count; anything malformed is passed
 * over, since headers and cookies are not typed by a person.
 */
final class CurrencyChoice {

	/** Longer than any browser sends: passed over rather than parsed. */
	static final int MAX_ACCEPT_LANGUAGE = 1000;

	private CurrencyChoice() {
	}

	/**
	 * @param signals what the request tells of the reader
	 * @param offered whether a currency code is on offer
	 * @param defaultCurrency the one to use when nothing else fits
	 */
	static Chosen choose(Signals signals, Predicate<String> offered, String defaultCurrency) {
		Predicate<String> usable = (code) -> CurrencyCodes.parse(code).isPresent() && offered.test(code);
		if (signals.picked() != null) {
			if (usable.test(signals.picked())) {
				return new Chosen(signals.picked(), Source.PICKED, false);
			}
			// a typed or linked choice that cannot be honoured is said, not swallowed
			Chosen instead = fromRequest(signals, usable, defaultCurrency);
			return new Chosen(instead.currency(), instead.source(), true);
		}
		return fromRequest(signals, usable, defaultCurrency);
	}

	private static Chosen fromRequest(Signals signals, Predicate<String> usable, String defaultCurrency) {
		if (signals.remembered() != null && usable.test(signals.remembered())) {
			return new Chosen(signals.remembered(), Source.REMEMBERED, false);
		}
		for (String country : signals.countries()) {
			Optional<String> currency = CountryCurrencies.currencyOf(country).filter(usable);
			if (currency.isPresent()) {
				return new Chosen(currency.get(), Source.COUNTRY, false);
			}
		}
		for (String region : regions(signals.acceptLanguage())) {
			Optional<String> currency = CountryCurrencies.currencyOf(region).filter(usable);
			if (currency.isPresent()) {
				return new Chosen(currency.get(), Source.LANGUAGE, false);
			}
		}
		return new Chosen(defaultCurrency, Source.DEFAULT, false);
	}

	/**
	 * The regions of an {@code Accept-Language} header's languages, most preferred first:
	 * {@code de-DE,en;q=0.8,en-GB;q=0.7} gives DE, GB. Empty when it is missing,
	 * malformed or enormous.
	 */
	static List<String> regions(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_ACCEPT_LANGUAGE) {
			return List.of();
		}
		try {
			return Locale.LanguageRange.parse(acceptLanguage)
				.stream()
				.filter((range) -> range.getWeight() > 0)
				.map((range) -> Locale.forLanguageTag(range.getRange()).getCountry())
				.filter((country) -> country.length() == 2)
				.distinct()
				.toList();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	/**
	 * What a request tells of the reader's currency.
	 *
	 * @param picked the currency the reader picked on the page now, or null
	 * @param remembered the currency the cookie remembers, or null
	 * @param countries the values of the CDN's country headers, in order of trust
	 * @param acceptLanguage the {@code Accept-Language} header, or null
	 */
	record Signals(String picked, String remembered, List<String> countries, String acceptLanguage) {

		Signals {
			countries = countries.stream().filter(Objects::nonNull).toList();
		}

	}

	/**
	 * @param refused the reader picked a currency that is not ISO 4217 or not on offer
	 */
	record Chosen(String currency, Source source, boolean refused) {
	}

	enum Source {

		PICKED, REMEMBERED, COUNTRY, LANGUAGE, DEFAULT

	}

}
