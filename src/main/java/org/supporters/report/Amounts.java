package org.supporters.report;

import java.math.BigDecimal;
import java.util.Currency;

import org.supporters.catalog.Money;

/** Amounts in minor units as people and spreadsheets read them. */
final class Amounts {

	private Amounts() {
	}

	/** For people, e.g. "€10.00". */
	static String format(long minor, String currency) {
		return Money.of(minor, currency.trim()).formatted();
	}

	/** For spreadsheets: the major amount without a symbol, e.g. "10.00". */
	static String plain(long minor, String currency) {
		return BigDecimal.valueOf(minor, Currency.getInstance(currency.trim()).getDefaultFractionDigits())
			.toPlainString();
	}

}
