package org.supporters.pledge;

import java.util.Currency;

import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.PriceLimits;

/**
 * The smallest and largest amounts a reader may pledge, per currency; the largest is the
 * ceiling of a tier's price too.
 */
@Component
public class PledgeLimits implements PriceLimits {

	private final PledgeProperties limits;

	private final Catalog catalog;

	PledgeLimits(PledgeProperties limits, Catalog catalog) {
		this.limits = limits;
		this.catalog = catalog;
	}

	/** In the default currency (the one asks' amounts are in). */
	public Money minimum() {
		return minimum(Currency.getInstance(this.catalog.currency()));
	}

	/** In the default currency (the one asks' amounts are in). */
	public Money maximum() {
		return maximum(Currency.getInstance(this.catalog.currency()));
	}

	public Money minimum(Currency currency) {
		return new Money(this.limits.minimumFor(currency.getCurrencyCode()), currency);
	}

	@Override
	public Money maximum(Currency currency) {
		return new Money(this.limits.maximumFor(currency.getCurrencyCode()), currency);
	}

}
