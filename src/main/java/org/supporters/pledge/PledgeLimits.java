package org.supporters.pledge;

import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;

/** The smallest and largest amounts a reader may pledge in the site's currency. */
@Component
public class PledgeLimits {

	private final PledgeProperties limits;

	private final Catalog catalog;

	PledgeLimits(PledgeProperties limits, Catalog catalog) {
		this.limits = limits;
		this.catalog = catalog;
	}

	public Money minimum() {
		return Money.of(this.limits.minimumFor(this.catalog.currency()), this.catalog.currency());
	}

	public Money maximum() {
		return Money.of(this.limits.maximumFor(this.catalog.currency()), this.catalog.currency());
	}

}
