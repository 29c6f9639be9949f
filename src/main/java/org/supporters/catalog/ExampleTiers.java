package org.supporters.catalog;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.TierRepository.NewPrice;
import org.supporters.catalog.TierRepository.NewTier;

import static org.supporters.catalog.BillingInterval.MONTH;
import static org.supporters.catalog.BillingInterval.YEAR;

/**
 * A newcomer's first start shows a working support page: with an empty catalog, three
 * example tiers are created. Turned off with
 * {@code SUPPORTERS_CATALOG_EXAMPLE_TIERS=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "supporters.catalog.example-tiers", matchIfMissing = true)
class ExampleTiers implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ExampleTiers.class);

	private final TierRepository tiers;

	ExampleTiers(TierRepository tiers) {
		this.tiers = tiers;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		this.tiers.lockForSeeding();
		if (!this.tiers.isEmpty()) {
			return;
		}
		this.tiers.insert(new NewTier("friend", "Friend", "Keep our journalism free to read for everyone.",
				List.of("fewer-asks"), 0, prices(500, 5000)));
		this.tiers.insert(
				new NewTier("supporter", "Supporter", "Read members-only stories and see fewer requests for support.",
						List.of("members-only", "fewer-asks"), 1, prices(1000, 10000)));
		this.tiers.insert(new NewTier("patron", "Patron", "Everything, ad-free, and our thanks in the yearly report.",
				List.of("members-only", "ad-free", "fewer-asks"), 2, prices(2500, 25000)));
		logger.info("Created three example tiers; turn this off with SUPPORTERS_CATALOG_EXAMPLE_TIERS=false");
	}

	private static List<NewPrice> prices(long monthly, long yearly) {
		return List.of("EUR", "GBP", "USD")
			.stream()
			.flatMap((currency) -> List
				.of(new NewPrice(MONTH, Money.of(monthly, currency)), new NewPrice(YEAR, Money.of(yearly, currency)))
				.stream())
			.toList();
	}

}
