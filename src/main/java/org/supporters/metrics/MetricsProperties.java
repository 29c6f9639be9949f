package org.supporters.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param refreshInterval how often each instance reads the gauges' figures from the
 * database ({@code SUPPORTERS_METRICS_REFRESH_INTERVAL})
 * @param token the bearer token that opens {@code /actuator/prometheus}; unset, nobody
 * can read the metrics ({@code SUPPORTERS_METRICS_TOKEN})
 */
@Validated
@ConfigurationProperties("supporters.metrics")
record MetricsProperties(@NotNull @DefaultValue("15s") Duration refreshInterval, @Pattern(regexp = "[\\x21-\\x7e]{32,}",
		message = "must be at least 32 printable characters without spaces, e.g. from openssl rand -hex 32") String token) {

	boolean open() {
		return this.token != null && !this.token.isEmpty();
	}

}
