package org.supporters.pledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a reader may pledge, in minor units.
 *
 * @param minimum smallest own amount per currency code, e.g. {@code EUR: 200}
 * @param maximum largest own amount per currency code
 * @param defaultMinimum for currencies not listed in {@code minimum}
 * @param defaultMaximum for currencies not listed in {@code maximum}
 * @param oneOffPresets the one-off amounts offered with a single tap
 */
@Validated
@ConfigurationProperties("supporters.pledge")
record PledgeProperties(Map<String, @Positive Long> minimum, Map<String, @Positive Long> maximum,
		@Positive @DefaultValue("200") long defaultMinimum, @Positive @DefaultValue("1000000") long defaultMaximum,
		@NotEmpty @DefaultValue( {
				"500", "1000", "2500", "5000" }) List<@Positive Long> oneOffPresets){

	PledgeProperties {
		// environment variables arrive in lower case: SUPPORTERS_PLEDGE_MINIMUM_JPY is
		// key "jpy"
		minimum = byCurrencyCode(minimum);
		maximum = byCurrencyCode(maximum);
	}

	long minimumFor(String currency) {
		return this.minimum.getOrDefault(currency, this.defaultMinimum);
	}

	long maximumFor(String currency) {
		return this.maximum.getOrDefault(currency, this.defaultMaximum);
	}

	private static Map<String, Long> byCurrencyCode(Map<String, Long> limits) {
		return (limits != null)
				? limits.entrySet()
					.stream()
					.collect(Collectors.toMap((limit) -> limit.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue))
				: Map.of();
	}

}
