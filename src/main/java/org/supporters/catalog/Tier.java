package org.supporters.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named level of support, with its benefits and its prices.
 *
 * @param prices the price per currency code and interval
 */
public record Tier(long id, String slug, String name, String description, List<String> benefits, int position,
		boolean active, Map<String, Map<BillingInterval, Money>> prices) {

	public Optional<Money> price(String currency, BillingInterval interval) {
		return Optional.ofNullable(this.prices.getOrDefault(currency, Map.of()).get(interval));
	}

	/**
	 * What paying yearly saves against twelve monthly payments in this currency; empty
	 * when it saves nothing or a price is missing.
	 */
	/** Whether the tier has a price in this currency, monthly or yearly. */
	public boolean soldIn(String currency) {
		return price(currency, BillingInterval.MONTH).isPresent() || price(currency, BillingInterval.YEAR).isPresent();
	}

	public Optional<Money> yearlySaving(String currency) {
		Optional<Money> monthly = price(currency, BillingInterval.MONTH);
		Optional<Money> yearly = price(currency, BillingInterval.YEAR);
		if (monthly.isEmpty() || yearly.isEmpty()) {
			return Optional.empty();
		}
		long saving = Math.multiplyExact(monthly.get().minor(), 12L) - yearly.get().minor();
		return (saving > 0) ? Optional.of(new Money(saving, yearly.get().currency())) : Optional.empty();
	}

}
