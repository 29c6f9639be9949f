package org.supporters.catalog;

import java.util.Currency;

/**
 * The largest amount the service takes online in a currency, which a tier's price may not
 * exceed either. The pledge module answers (it owns the limits), so that tier prices and
 * readers' own amounts cannot drift apart.
 */
public interface PriceLimits {

	Money maximum(Currency currency);

}
