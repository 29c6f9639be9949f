package org.supporters.pledge;

import java.util.List;

import org.supporters.catalog.Benefit;
import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;

/**
 * A tier as the support page shows it: its prices in the page's currency, its benefits in
 * words.
 *
 * @param yearlySaving what the yearly price saves against twelve monthly payments, or
 * {@code null}
 */
record TierOption(String slug, String name, String description, List<Benefit> benefits, Money monthly, Money yearly,
		Money yearlySaving) {

	static TierOption of(Tier tier, String currency, List<Benefit> benefits) {
		return new TierOption(tier.slug(), tier.name(), tier.description(), benefits,
				tier.price(currency, BillingInterval.MONTH).orElse(null),
				tier.price(currency, BillingInterval.YEAR).orElse(null), tier.yearlySaving(currency).orElse(null));
	}

	/** A tier without a price in this currency cannot be chosen. */
	boolean offered() {
		return this.monthly != null || this.yearly != null;
	}

}
