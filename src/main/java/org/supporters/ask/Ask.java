package org.supporters.ask;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An ask: where it goes, when it is live, an optional ticker, and its variants (one, or
 * several with traffic shares adding up to 100 for an A/B test).
 *
 * @param endsAt null for no end
 * @param ticker null for none
 */
record Ask(UUID id, String name, Placement placement, Instant startsAt, Instant endsAt, Ticker ticker,
		List<Variant> variants) {

	Ask {
		variants = List.copyOf(variants);
	}

	public boolean liveAt(Instant now) {
		return !now.isBefore(this.startsAt) && (this.endsAt == null || now.isBefore(this.endsAt));
	}

	public boolean ended(Instant now) {
		return this.endsAt != null && !now.isBefore(this.endsAt);
	}

	Optional<Variant> variant(String key) {
		return this.variants.stream().filter((variant) -> variant.key().equals(key)).findFirst();
	}

	/**
	 * One version of the ask's copy and suggestion.
	 *
	 * @param key {@code a} to {@code e}, in order
	 * @param share percent of readers assigned to it
	 * @param body plain text: paragraphs separated by a blank line, links as
	 * {@code [text](https://…)}
	 * @param amounts suggested amounts in minor units of the site's currency
	 */
	record Variant(String key, int share, String headline, String body, String buttonLabel, List<Long> amounts,
			Frequency frequency) {

		Variant {
			amounts = List.copyOf(amounts);
		}

	}

	/**
	 * A goal for a period: supporters won, or an amount in one currency (minor units).
	 *
	 * @param unit {@code supporters} or a currency code
	 * @param until null for open-ended
	 */
	record Ticker(long goal, String unit, Instant from, Instant until) {

		static final String SUPPORTERS = "supporters";

		public boolean inSupporters() {
			return SUPPORTERS.equals(this.unit);
		}

	}

}
