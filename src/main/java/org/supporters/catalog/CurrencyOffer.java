package org.supporters.catalog;

import java.util.Currency;
import java.util.Locale;

/**
 * A currency as admins see it.
 *
 * @param code the ISO 4217 code
 * @param offered whether readers can choose it on the support page
 * @param byDefault the default currency ({@code SUPPORTERS_CATALOG_CURRENCY}): always
 * offered, the one readers get when nothing tells their own
 */
record CurrencyOffer(String code, boolean offered, boolean byDefault) {

	/** Its name in English, e.g. "British Pound". */
	public String name() {
		return Currency.getInstance(this.code).getDisplayName(Locale.UK);
	}

}
