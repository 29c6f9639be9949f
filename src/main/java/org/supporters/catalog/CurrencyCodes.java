package org.supporters.catalog;

import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ISO 4217 currency codes as typed or sent by clients: three capital letters naming a
 * currency money is paid in (not a fund or a metal, which have no minor unit).
 */
public final class CurrencyCodes {

	private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

	private CurrencyCodes() {
	}

	/**
	 * The currency, or empty for anything else: lower case, a typo, a code ISO 4217 does
	 * not list, a fund or a metal (XAU), text of any length.
	 */
	public static Optional<Currency> parse(String text) {
		if (text == null || !CODE.matcher(text).matches()) {
			return Optional.empty();
		}
		try {
			Currency currency = Currency.getInstance(text);
			return (currency.getDefaultFractionDigits() >= 0) ? Optional.of(currency) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
