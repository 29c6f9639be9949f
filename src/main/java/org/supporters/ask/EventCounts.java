package org.supporters.ask;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds up ask events in this instance's memory and writes them to the database every
 * {@code supporters.asks.flush-interval} in one statement, so that a burst of page views
 * costs counters, not a database write each. An instance that dies loses at most the
 * counts of its last interval; one that stops writes them first.
 */
@Component
class EventCounts {

	private static final Logger logger = LoggerFactory.getLogger(EventCounts.class);

	private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

	private final AskRepository asks;

	private final Clock clock;

	EventCounts(AskRepository asks, Clock clock) {
		this.asks = asks;
		this.clock = clock;
	}

	void add(UUID ask, String variant, Placement placement, AskEvent event) {
		LocalDate day = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.pending.computeIfAbsent(new Key(ask, variant, placement, event, day), (key) -> new LongAdder())
			.increment();
	}

	/**
	 * Writes what was counted since the last time; counts that fail to write wait for the
	 * next.
	 */
	@Scheduled(fixedDelayString = "${supporters.asks.flush-interval:2s}")
	void flush() {
		List<Count> counts = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.pending.forEach((key, adder) -> {
			// an increment racing this lands in this sum or the next one, never lost
			long n = adder.sumThenReset();
			if (n > 0) {
				counts.add(new Count(key.ask(), key.variant(), key.placement(), key.event(), key.day(), n));
			}
			else if (key.day().isBefore(today)) {
				// yesterday's counter gets no more events: forget it
				this.pending.remove(key, adder);
			}
		});
		try {
			this.asks.addCounts(counts);
		}
		catch (RuntimeException ex) {
			logger.warn("Ask counts could not be written, kept for the next try ({})", ex.getClass().getSimpleName());
			counts.forEach((count) -> this.pending
				.computeIfAbsent(new Key(count.ask(), count.variant(), count.placement(), count.event(), count.day()),
						(key) -> new LongAdder())
				.add(count.n()));
		}
	}

	@PreDestroy
	void flushOnStop() {
		flush();
	}

	private record Key(UUID ask, String variant, Placement placement, AskEvent event, LocalDate day) {
	}

	/** A count to add for one ask, variant, placement, event and day (UTC). */
	record Count(UUID ask, String variant, Placement placement, AskEvent event, LocalDate day, long n) {
	}

}
