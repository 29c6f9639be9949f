package org.supporters.pledge;

import java.util.List;
import java.util.Map;

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

	long minimumFor(String currency) {
		return (this.minimum != null) ? this.minimum.getOrDefault(currency, this.defaultMinimum) : this.defaultMinimum;
	}

	long maximumFor(String currency) {
		return (this.maximum != null) ? this.maximum.getOrDefault(currency, this.defaultMaximum) : this.defaultMaximum;
	}

}
