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

}
