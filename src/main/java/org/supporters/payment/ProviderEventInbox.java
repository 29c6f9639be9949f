package org.supporters.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.supporter.ProviderReport;

/**
 * The one durable way in for provider events. Receiving only stores the verified raw
 * event under its unique id; applying reads it through its provider and publishes what it
 * reports. A failure is kept with its error and tried again with growing delays: nothing
 * is dropped, and several instances can drain the inbox at once.
 * <p>
 * The due events are drained by a few workers per instance ({@link InboxProperties}),
 * each claiming a batch at a time. A batch is re-read from its provider with the subjects
 * (subscriptions, payment intents) read concurrently and one subject's events one after
 * the other in the order received, then applied in that order in one transaction. When
 * one event fails, the batch's transaction rolls back and each event is applied alone, so
 * only the failing one waits for its retry. A subject is claimed by one worker at a time
 * across every instance, so its events never race each other.
 */
@Service
public class ProviderEventInbox {

	private static final Logger logger = LoggerFactory.getLogger(ProviderEventInbox.class);

	static final int BATCH_SIZE = 100;

	/**
	 * How long a worker's claim lasts: longer than a batch ever takes (its re-reads time
	 * out well before); an instance that dies leaves its events to others after this.
	 */
	static final Duration CLAIM = Duration.ofMinutes(5);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final InboxRepository events;

	// looked up on use: providers themselves send events into the inbox
	private final ObjectProvider<PaymentProvider> providers;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int workerCount;

	private final ExecutorService workers;

	private final ExecutorService reads;

	ProviderEventInbox(InboxRepository events, ObjectProvider<PaymentProvider> providers,
			ApplicationEventPublisher publisher, TransactionTemplate transaction, Clock clock,
			InboxProperties properties) {
		this.events = events;
		this.providers = providers;
		this.publisher = publisher;
		this.transaction = transaction;
		this.clock = clock;
		this.workerCount = properties.workers();
		this.workers = Executors.newFixedThreadPool(properties.workers(), threads("inbox-worker-"));
		this.reads = Executors.newFixedThreadPool(properties.concurrentReads(), threads("inbox-read-"));
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
		this.reads.shutdownNow();
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
		return applyOne(() -> this.events.claimWaiting(id, this.clock.instant()));
	}

	/**
	 * Applies, or records the failure of, every event that is due, waiting for those
	 * another worker holds; returns how many this call handled.
	 */
	public int applyDue() {
		Instant dueAt = this.clock.instant();
		int handled = drain();
		while (this.events.othersHoldDue(dueAt, this.clock.instant())) {
			pause();
			handled += drain();
		}
		return handled;
	}

	/**
	 * Applies, or records the failure of, the events that are due and no other worker
	 * holds, with this instance's workers in parallel until none is left; returns how
	 * many.
	 */
	int drain() {
		List<Future<Integer>> loops = new ArrayList<>();
		for (int i = 0; i < this.workerCount; i++) {
			loops.add(this.workers.submit(this::drainAlone));
		}
		int handled = 0;
		for (Future<Integer> loop : loops) {
			handled += await(loop);
		}
		return handled;
	}

	private int drainAlone() {
		int handled = 0;
		int batch;
		do {
			batch = applyBatch();
			handled += batch;
		}
		while (batch == BATCH_SIZE && !Thread.currentThread().isInterrupted());
		return handled;
	}

	/** Claims, reads and applies one batch; returns how many events it held. */
	private int applyBatch() {
		Instant now = this.clock.instant();
		List<ReceivedEvent> claimed = this.transaction
			.execute((status) -> this.events.claimDue(now, now.plus(CLAIM), BATCH_SIZE));
		if (claimed == null || claimed.isEmpty()) {
			return 0;
		}
		Map<Long, Read> read = readAll(claimed);
		apply(claimed, read);
		return claimed.size();
	}

	/**
	 * Reads the events from their providers outside any transaction: subjects at once,
	 * each subject's events in turn.
	 */
	private Map<Long, Read> readAll(List<ReceivedEvent> claimed) {
		Map<String, List<ReceivedEvent>> bySubject = new LinkedHashMap<>();
		for (ReceivedEvent event : claimed) {
			bySubject.computeIfAbsent(event.provider() + " " + event.subject(), (subject) -> new ArrayList<>())
				.add(event);
		}
		Map<Long, Read> read = new ConcurrentHashMap<>();
		List<Future<?>> subjects = new ArrayList<>();
		for (List<ReceivedEvent> inOrder : bySubject.values()) {
			subjects.add(this.reads.submit(() -> inOrder.forEach((event) -> read.put(event.id(), read(event)))));
		}
		subjects.forEach(ProviderEventInbox::await);
		return read;
	}

	private Read read(ReceivedEvent event) {
		try {
			return new Read(provider(event).read(event), null);
		}
		catch (RuntimeException ex) {
			return new Read(null, ex);
		}
	}

	/**
	 * Applies the batch in the order received, in one transaction; after a failure, each
	 * event alone.
	 */
	private void apply(List<ReceivedEvent> claimed, Map<Long, Read> read) {
		List<ReceivedEvent> readable = new ArrayList<>();
		for (ReceivedEvent event : claimed) {
			RuntimeException failure = read.get(event.id()).failure();
			if (failure != null) {
				recordFailure(event, failure);
			}
			else {
				readable.add(event);
			}
		}
		if (readable.isEmpty()) {
			return;
		}
		try {
			this.transaction.executeWithoutResult((status) -> {
				Set<Long> unapplied = this.events.lockUnapplied(readable.stream().map(ReceivedEvent::id).toList());
				for (ReceivedEvent event : readable) {
					if (unapplied.contains(event.id())) {
						read.get(event.id()).reports().forEach(this.publisher::publishEvent);
					}
				}
				this.events.markProcessed(unapplied, this.clock.instant());
			});
		}
		catch (RuntimeException ex) {
			// the batch rolled back whole, its listeners' after-commit work with it: now
			// each event stands alone, and only the failing one waits for its retry
			for (ReceivedEvent event : readable) {
				applyAlone(event, read.get(event.id()).reports());
			}
		}
	}

	private void applyAlone(ReceivedEvent event, List<ProviderReport> reports) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				if (!this.events.lockUnapplied(List.of(event.id())).isEmpty()) {
					reports.forEach(this.publisher::publishEvent);
					this.events.markProcessed(List.of(event.id()), this.clock.instant());
				}
			});
		}
		catch (RuntimeException ex) {
			recordFailure(event, ex);
		}
	}

	private boolean applyOne(Supplier<Optional<ReceivedEvent>> claim) {
		ReceivedEvent[] current = new ReceivedEvent[1];
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				Optional<ReceivedEvent> claimed = claim.get();
				claimed.ifPresent((event) -> {
					current[0] = event;
					provider(event).read(event).forEach(this.publisher::publishEvent);
					this.events.markProcessed(List.of(event.id()), this.clock.instant());
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

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new IllegalStateException("Interrupted while the inbox was being applied", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for another inbox worker", ex);
		}
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (work) -> {
			Thread thread = new Thread(work, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One event as its provider read it, or why it could not. */
	private record Read(List<ProviderReport> reports, RuntimeException failure) {
	}

}
