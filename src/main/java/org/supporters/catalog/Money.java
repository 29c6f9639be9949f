package org.supporters.catalog;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

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

	/** Formatted for people, e.g. "£5.00", "€10.00", "¥500". */
	public String formatted() {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
		format.setCurrency(this.currency);
		int digits = this.currency.getDefaultFractionDigits();
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(java.math.BigDecimal.valueOf(this.minor, digits));
	}

	@Override
	public String toString() {
		return formatted();
	}

}
