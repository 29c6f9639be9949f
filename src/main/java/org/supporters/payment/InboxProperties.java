package org.supporters.payment;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval how long the inbox worker waits after a run that found the inbox
 * drained ({@code SUPPORTERS_INBOX_POLL_INTERVAL})
 * @param stuckAfter how long an event may wait for its first attempt before readiness
 * says the inbox is stuck ({@code SUPPORTERS_INBOX_STUCK_AFTER})
 */
@Validated
@ConfigurationProperties("supporters.inbox")
record InboxProperties(@NotNull @DefaultValue("2s") Duration pollInterval,
		@NotNull @DefaultValue("10m") Duration stuckAfter) {
}
