package org.supporters.payment;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval how long the inbox worker waits after a run that found the inbox
 * drained ({@code SUPPORTERS_INBOX_POLL_INTERVAL})
 * @param stuckAfter how long an event may wait for its first attempt before readiness
 * says the inbox is stuck ({@code SUPPORTERS_INBOX_STUCK_AFTER})
 * @param workers how many batches of events this instance applies at once, each in its
 * own transaction on a connection of the pool ({@code SUPPORTERS_INBOX_WORKERS})
 * @param concurrentReads how many events this instance re-reads from the provider at
 * once, threads that mostly wait on the network and hold no connection
 * ({@code SUPPORTERS_INBOX_CONCURRENT_READS})
 */
@Validated
@ConfigurationProperties("supporters.inbox")
record InboxProperties(@NotNull @DefaultValue("2s") Duration pollInterval,
		@NotNull @DefaultValue("10m") Duration stuckAfter, @Min(1) @Max(32) @DefaultValue("4") int workers,
		@Min(1) @Max(256) @DefaultValue("32") int concurrentReads) {
}
