package org.supporters.payment.stripe;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Conditional;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe settings, bound from {@code STRIPE_*} environment variables.
 *
 * @param secretKey the API secret key ({@code sk_test_...} or {@code sk_live_...})
 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_...})
 * @param apiBase another API base URL, e.g. a local fake; empty for Stripe's own
 * @param readTimeout how long to wait for Stripe's answer
 * @param maxNetworkRetries how often the SDK retries a failed request at once
 * @param reconcileInterval how often reconciliation runs
 */
@Validated
@ConfigurationProperties("stripe")
@Conditional(StripeMode.class)
record StripeProperties(@NotBlank String secretKey, @NotBlank(
		message = "must be set when STRIPE_SECRET_KEY is: the webhook endpoint's signing secret (whsec_...)") String webhookSecret,
		@Pattern(regexp = "https?://[^\\s?#]+",
				message = "must be an http or https URL, e.g. http://localhost:12111") String apiBase,
		@NotNull @DefaultValue("30s") Duration readTimeout, @Min(0) @Max(5) @DefaultValue("2") int maxNetworkRetries,
		@NotNull @DefaultValue("1h") Duration reconcileInterval) {

}
