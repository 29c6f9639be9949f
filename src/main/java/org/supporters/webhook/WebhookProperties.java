package org.supporters.webhook;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowPrivate deliver to hosts that resolve to private, loopback, link-local or
 * multicast addresses ({@code SUPPORTERS_WEBHOOKS_ALLOW_PRIVATE}); off, as such an
 * address from an admin's form would let the form reach the service's own network
 * @param deliveryInterval the pause between delivery runs
 * @param connectTimeout how long to wait for a receiver's connection
 * @param requestTimeout how long to wait for a receiver's answer
 * @param retryFor how long a delivery is retried before it is marked failed
 * @param disableAfterFailures an endpoint is disabled after this many failures in a row
 * @param disableAfterFailingFor or after every attempt failed for this long
 * @param lapseInterval how often one instance looks for memberships that ended with time
 * alone, to send their membership.changed
 */
@Validated
@ConfigurationProperties("supporters.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivate, @DefaultValue("10s") Duration deliveryInterval,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration requestTimeout,
		@DefaultValue("3d") Duration retryFor, @Min(1) @Max(10000) @DefaultValue("50") int disableAfterFailures,
		@DefaultValue("24h") Duration disableAfterFailingFor, @DefaultValue("1m") Duration lapseInterval) {
}
