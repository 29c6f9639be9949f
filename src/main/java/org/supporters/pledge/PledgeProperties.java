package org.supporters.pledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a reader may pledge, and the one-off amounts offered with a single tap,
 * in minor units of each currency. For a currency, a setting of its own wins; else the
 * setting for every currency; else the built-in value for that currency (EUR, GBP, USD,
 * JPY, ...); else the built-in value for any currency.
 *
 * @param minimum smallest own amount per currency code, e.g. {@code EUR: 200}
 * @param maximum largest own amount per currency code
 * @param defaultMinimum for currencies not listed in {@code minimum}
 * @param defaultMaximum for currencies not listed in {@code maximum}
 * @param oneOffPresets the one-off amounts for currencies not listed in {@code presets}
 * @param presets the one-off amounts per currency code
 */
@Validated
@ConfigurationProperties("supporters.pledge")
record PledgeProperties(Map<String, @Positive Long> minimum, Map<String, @Positive Long> maximum,
		@Positive Long defaultMinimum, @Positive Long defaultMaximum, List<@Positive Long> oneOffPresets,
		Map<String, List<@Positive Long>> presets) {

	/** Built-in defaults, for any currency not given one below. */
	private static final Limits ANY = new Limits(200, 1_000_000, List.of(500L, 1000L, 2500L, 5000L));

	/**
	 * Built-in defaults per currency: similar sums in each (a pound and a dollar are near
	 * a euro; a yen is a hundredth of one, and has no minor unit).
	 */
	private static final Map<String, Limits> BUILT_IN = Map.of("EUR", ANY, "GBP", ANY, "USD", ANY, "CHF", ANY, "CAD",
			new Limits(300, 1_500_000, List.of(500L, 1000L, 2500L, 5000L)), "AUD",
			new Limits(300, 1_500_000, List.of(500L, 1500L, 3000L, 7500L)), "JPY",
			new Limits(300, 1_500_000, List.of(500L, 1000L, 3000L, 5000L)), "SEK",
			new Limits(2000, 10_000_000, List.of(5000L, 10000L, 25000L, 50000L)), "NOK",
			new Limits(2000, 10_000_000, List.of(5000L, 10000L, 25000L, 50000L)), "DKK",
			new Limits(1500, 7_500_000, List.of(5000L, 10000L, 20000L, 40000L)));

	PledgeProperties {
		// environment variables arrive in lower case: SUPPORTERS_PLEDGE_MINIMUM_JPY is
		// key "jpy"
		minimum = byCurrencyCode(minimum);
		maximum = byCurrencyCode(maximum);
		presets = byCurrencyCode(presets);
		oneOffPresets = (oneOffPresets != null && !oneOffPresets.isEmpty()) ? List.copyOf(oneOffPresets) : null;
	}

	long minimumFor(String currency) {
		Long own = this.minimum.get(currency);
		return (own != null) ? own : (this.defaultMinimum != null) ? this.defaultMinimum : builtIn(currency).minimum();
	}

	long maximumFor(String currency) {
		Long own = this.maximum.get(currency);
		return (own != null) ? own : (this.defaultMaximum != null) ? this.defaultMaximum : builtIn(currency).maximum();
	}

	/** The one-off amounts offered in this currency. */
	List<Long> presetsFor(String currency) {
		List<Long> own = this.presets.get(currency);
		return (own != null && !own.isEmpty()) ? own
				: (this.oneOffPresets != null) ? this.oneOffPresets : builtIn(currency).presets();
	}

	private static Limits builtIn(String currency) {
		return BUILT_IN.getOrDefault(currency, ANY);
	}

	private static <T> Map<String, T> byCurrencyCode(Map<String, T> settings) {
		return (settings != null) ? settings.entrySet()
			.stream()
			.collect(Collectors.toMap((setting) -> setting.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue))
				: Map.of();
	}

	private record Limits(long minimum, long maximum, List<Long> presets) {
	}

}
