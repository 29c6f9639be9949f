package org.supporters.payment.sandbox;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param billingInterval how often the sandbox charges the subscriptions that are due
 * ({@code SUPPORTERS_SANDBOX_BILLING_INTERVAL})
 */
@Validated
@ConfigurationProperties("supporters.sandbox")
record SandboxProperties(@NotNull @DefaultValue("30s") Duration billingInterval) {
}
