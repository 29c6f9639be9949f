package org.supporters.pledge;

import java.util.List;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;

/** A tier as the support page shows it: its prices in the page's currency. */
record TierOption(String slug, String name, String description, List<String> benefits, Money monthly, Money yearly) {

	static TierOption of(Tier tier, String currency) {
		return new TierOption(tier.slug(), tier.name(), tier.description(), tier.benefits(),
				tier.price(currency, BillingInterval.MONTH).orElse(null),
				tier.price(currency, BillingInterval.YEAR).orElse(null));
	}

	/** A tier without a price in this currency cannot be chosen. */
	boolean offered() {
		return this.monthly != null || this.yearly != null;
	}

}
