package org.supporters.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one durable way in for provider events. Receiving only stores the verified raw
 * event under its unique id; applying reads it through its provider and publishes what it
 * reports, in one transaction per event. A failure is kept with its error and tried again
 * with growing delays: nothing is dropped, and several instances can drain the inbox at
 * once.
 */
@Service
public class ProviderEventInbox {

	private static final Logger logger = LoggerFactory.getLogger(ProviderEventInbox.class);

	static final int BATCH_SIZE = 100;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final InboxRepository events;

	// looked up on use: providers themselves send events into the inbox
	private final ObjectProvider<PaymentProvider> providers;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ProviderEventInbox(InboxRepository events, ObjectProvider<PaymentProvider> providers,
			ApplicationEventPublisher publisher, TransactionTemplate transaction, Clock clock) {
		this.events = events;
		this.providers = providers;
		this.publisher = publisher;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Stores a verified event; false when this event was received before. */
	public boolean receive(String provider, String eventId, String type, String payload) {
		return this.events.insert(provider, eventId, type, payload, this.clock.instant());
	}

	/**
	 * Applies one event at once, unless it was applied already or another worker holds
	 * it.
	 */
	public void applyNow(String provider, String eventId) {
		applyOne(() -> this.events.claim(provider, eventId));
	}

	/**
	 * Tries one waiting or failed event again now, as staff asked; a new failure is kept
	 * and retried later as usual.
	 * @return false when the event was applied already, does not exist or another worker
	 * holds it
	 */
	public boolean retry(long id) {
		return applyOne(() -> this.events.claimWaiting(id));
	}

	/** Applies, or records the failure of, every event that is due; returns how many. */
	public int applyDue() {
		int handled = 0;
		int batch;
		do {
			batch = applyBatch();
			handled += batch;
		}
		while (batch == BATCH_SIZE);
		return handled;
	}

	/**
	 * Applies, or records the failure of, at most {@link #BATCH_SIZE} events that are
	 * due; returns how many. The worker runs one batch at a time ({@link InboxWorker}),
	 * so a backlog never keeps a scheduler thread from the other jobs for long.
	 */
	int applyBatch() {
		int handled = 0;
		while (handled < BATCH_SIZE && applyOne(() -> this.events.claimNextDue(this.clock.instant()))) {
			handled++;
		}
		return handled;
	}

	private boolean applyOne(Supplier<Optional<ReceivedEvent>> claim) {
		ReceivedEvent[] current = new ReceivedEvent[1];
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				Optional<ReceivedEvent> claimed = claim.get();
				claimed.ifPresent((event) -> {
					current[0] = event;
					provider(event).read(event).forEach(this.publisher::publishEvent);
					this.events.markProcessed(event.id(), this.clock.instant());
				});
				return claimed.isPresent();
			}));
		}
		catch (RuntimeException ex) {
			if (current[0] == null) {
				throw ex;
			}
			recordFailure(current[0], ex);
			return true;
		}
	}

	private void recordFailure(ReceivedEvent event, RuntimeException failure) {
		int attempts = event.attempts() + 1;
		Duration growing = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		Duration delay = (growing.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : growing;
		String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		this.transaction.executeWithoutResult((status) -> this.events.markFailed(event.id(), attempts,
				this.clock.instant().plus(delay), error.length() > 2000 ? error.substring(0, 2000) : error));
		Counter.builder("supporters.inbox.apply.failures")
			.description("Failed attempts to apply a provider event; each is retried")
			.tag("provider", event.provider())
			.register(Metrics.globalRegistry)
			.increment();
		logger.warn("Provider event {} ({} {}) failed on attempt {}; retrying in {}s: {}", event.id(), event.provider(),
				event.type(), attempts, delay.toSeconds(), failure.getClass().getSimpleName());
	}

	private PaymentProvider provider(ReceivedEvent event) {
		return this.providers.stream()
			.filter((provider) -> provider.name().equals(event.provider()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No payment provider named " + event.provider() + " is configured"));
	}

}
