package org.supporters.pledge;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param expiryInterval how often checkouts left unpaid for a day are marked abandoned
 * ({@code SUPPORTERS_PLEDGE_EXPIRY_INTERVAL})
 */
@Validated
@ConfigurationProperties("supporters.pledge")
record CheckoutProperties(@NotNull @DefaultValue("5m") Duration expiryInterval) {
}
