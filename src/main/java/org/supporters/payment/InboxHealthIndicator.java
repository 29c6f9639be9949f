package org.supporters.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code inbox}, part of readiness: down when an event has waited longer than
 * {@code SUPPORTERS_INBOX_STUCK_AFTER} without a single attempt, i.e. no worker picks up
 * new events. An event whose apply fails is retried with backoff and shown to staff; it
 * does not make the service unready.
 */
@Component("inbox")
class InboxHealthIndicator implements HealthIndicator {

	private final InboxHealthRepository repository;

	private final InboxProperties properties;

	InboxHealthIndicator(InboxHealthRepository repository, InboxProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	@Override
	public Health health() {
		// the wall clock, not the sandbox's: this is about the worker, in real time
		Instant now = Instant.now();
		Optional<Instant> oldest = this.repository.oldestNeverAttempted();
		if (oldest.isPresent() && oldest.get().isBefore(now.minus(this.properties.stuckAfter()))) {
			return Health.down()
				.withDetail("oldestUntouchedEventAge", Duration.between(oldest.get(), now).toSeconds() + "s")
				.build();
		}
		return Health.up().build();
	}

}
