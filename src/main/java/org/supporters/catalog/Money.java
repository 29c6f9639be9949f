package org.supporters.catalog;

import java.math.BigDecimal;
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

	/** The amount in major units, e.g. 12.50 for 1250 cents. */
	public BigDecimal major() {
		return BigDecimal.valueOf(this.minor, this.currency.getDefaultFractionDigits());
	}

	/** Formatted for people, e.g. "£5.00", "€10.00", "¥500". */
	public String formatted() {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
		format.setCurrency(this.currency);
		int digits = this.currency.getDefaultFractionDigits();
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(major());
	}

	@Override
	public String toString() {
		return formatted();
	}

}
