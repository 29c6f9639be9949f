package org.supporters.platform;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param cleanupInterval how often attempts older than every window are forgotten
 * ({@code SUPPORTERS_RATE_LIMITS_CLEANUP_INTERVAL})
 */
@Validated
@ConfigurationProperties("supporters.rate-limits")
record RateLimitProperties(@NotNull @DefaultValue("1h") Duration cleanupInterval) {
}
