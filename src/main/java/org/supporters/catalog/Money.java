package org.supporters.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.supporters.platform.Languages;
import org.supporters.platform.ReaderFormat;

/**
 * An exact amount: whole minor units (cents, pence) of one currency. Amounts of different
 * currencies are never added together.
 */
public record Money(long minor, Currency currency) {

	public Money {
		if (minor < 0) {
			throw new IllegalArgumentException("amount must not be negative");
		}
	}

	public static Money of(long minor, String currencyCode) {
		return new Money(minor, Currency.getInstance(currencyCode));
	}

	/** The amount in major units, e.g. 12.50 for 1250 cents. */
	public BigDecimal major() {
		return BigDecimal.valueOf(this.minor, this.currency.getDefaultFractionDigits());
	}

	/**
	 * Formatted for the reader of the current request (English outside a request), e.g.
	 * "€10.00" in English, "10,00 €" in German, "¥500".
	 */
	public String formatted() {
		return formatted(Languages.current());
	}

	/** Formatted for a reader of this locale. */
	public String formatted(Locale locale) {
		return ReaderFormat.money(major(), this.currency, locale);
	}

	@Override
	public String toString() {
		return formatted();
	}

}
