package org.supporters.ask;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.Money;
import org.supporters.pledge.AskPrefill;
import org.supporters.pledge.AskPrefills;
import org.supporters.platform.ReaderFormat;
import org.supporters.pledge.CheckoutAttributions;
import org.supporters.staff.AuditLog;

/**
 * Staff's asks: saved with their variants (audited), the live ones per placement with
 * their tickers for members.js, and what a clicked variant pre-fills on the support page.
 * Each instance reuses the live asks and the known variants it read for
 * {@code supporters.asks.live-cache-ttl}: a change shows on other instances within that.
 */
@Service
class Asks implements AskPrefills {

	private final AskRepository asks;

	private final AskValidator validator;

	private final CheckoutAttributions checkouts;

	private final AuditLog audit;

	private final AskProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	private volatile Live live;

	private volatile Known known;

	Asks(AskRepository asks, AskValidator validator, CheckoutAttributions checkouts, AuditLog audit,
			AskProperties properties, Clock clock, MessageSource messages) {
		this.asks = asks;
		this.validator = validator;
		this.checkouts = checkouts;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.messages = messages;
	}

	List<Ask> all() {
		return this.asks.all();
	}

	Optional<Ask> find(UUID id) {
		return this.asks.find(id);
	}

	/**
	 * Saves a new ask ({@code id} null) or changes one; the messages by field when the
	 * form is not valid.
	 */
	@Transactional
	AskValidator.Result save(UUID id, AskForm form) {
		boolean created = id == null;
		AskValidator.Result result = this.validator.validate(created ? UUID.randomUUID() : id, form);
		if (result.ask() == null) {
			return result;
		}
		try {
			this.asks.save(result.ask(), this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			// another admin saved an overlapping ask at the same moment: the constraint
			// held
			return new AskValidator.Result(null, Map.of("placement",
					"Only one ask can be live per placement, and another ask is live there in this period."));
		}
		this.audit.record(created ? "ask.create" : "ask.update", "ask:" + result.ask().id(),
				Map.of("name", result.ask().name(), "placement", result.ask().placement().code()));
		forget();
		return result;
	}

	/**
	 * Ends a live or future ask now (a future one ends before it starts: it never shows).
	 */
	@Transactional
	void endNow(Ask ask) {
		Instant now = this.clock.instant();
		Instant startsAt = ask.startsAt().isAfter(now) ? now : ask.startsAt();
		Instant endsAt = now.isAfter(startsAt) ? now : startsAt.plusSeconds(1);
		this.asks.save(new Ask(ask.id(), ask.name(), ask.placement(), startsAt, endsAt, ask.ticker(), ask.variants()),
				now);
		this.audit.record("ask.end", "ask:" + ask.id(), Map.of("name", ask.name()));
		forget();
	}

	/** The live asks now, with their tickers' counts. */
	Live live() {
		Live current = this.live;
		Instant now = this.clock.instant();
		if (current == null || current.isOlderThan(now, this.properties.liveCacheTtl())) {
			List<Ask> asks = this.asks.liveAt(now);
			current = new Live(now, asks,
					asks.stream()
						.filter((ask) -> ask.ticker() != null)
						.collect(java.util.stream.Collectors.toMap(Ask::id, (ask) -> count(ask.ticker()))));
			this.live = current;
		}
		return current;
	}

	/** Whether events may be counted for this ask, variant and placement. */
	boolean knows(UUID ask, String variant, Placement placement) {
		Known current = this.known;
		Instant now = this.clock.instant();
		if (current == null || Duration.between(current.at(), now).compareTo(this.properties.liveCacheTtl()) > 0) {
			current = new Known(now, this.asks.variantKeys());
			this.known = current;
		}
		return current.keys().contains(ask + "/" + variant + "/" + placement.code());
	}

	@Override
	public Optional<AskPrefill> find(UUID ask, String variant) {
		return this.asks.find(ask)
			.flatMap((found) -> found.variant(variant))
			.map((found) -> new AskPrefill(found.amounts(), found.frequency().code()));
	}

	/** The ticker's progress so far, in words for a reader of this locale. */
	TickerProgress progress(Ask.Ticker ticker, Locale locale) {
		return progress(count(ticker), locale);
	}

	/**
	 * A ticker's count in words for a reader of this locale: the count is the same for
	 * everyone (and cached), the words are the reader's.
	 */
	TickerProgress progress(Count count, Locale locale) {
		Ask.Ticker ticker = count.ticker();
		if (ticker.inSupporters()) {
			return new TickerProgress(ticker.goal(), count.progress(),
					this.messages.getMessage("ask.ticker.supporters", new Object[] {
							ReaderFormat.count(count.progress(), locale), ReaderFormat.count(ticker.goal(), locale) },
							locale));
		}
		Currency currency = Currency.getInstance(ticker.unit());
		return new TickerProgress(ticker.goal(), count.progress(),
				this.messages.getMessage("ask.ticker.amount",
						new Object[] { new Money(count.progress(), currency).formatted(locale),
								new Money(ticker.goal(), currency).formatted(locale) },
						locale));
	}

	/** The ticker's count so far: pledges won, or their amount in its currency. */
	private Count count(Ask.Ticker ticker) {
		CheckoutAttributions.Progress progress = this.checkouts.completedBetween(ticker.from(), ticker.until());
		return new Count(ticker, ticker.inSupporters() ? progress.completed() : progress.amountIn(ticker.unit()));
	}

	/** Reads the asks afresh next time (after a change on this instance). */
	void forget() {
		this.live = null;
		this.known = null;
	}

	record Live(Instant at, List<Ask> asks, Map<UUID, Count> tickers) {

		boolean isOlderThan(Instant now, Duration ttl) {
			return Duration.between(this.at, now).compareTo(ttl) > 0
					|| this.asks.stream().anyMatch((ask) -> ask.ended(now));
		}

	}

	private record Known(Instant at, Set<String> keys) {
	}

	/**
	 * A ticker's count: supporters won, or minor units of its currency.
	 */
	record Count(Ask.Ticker ticker, long progress) {
	}

	/**
	 * @param text in the reader's language, e.g. "1,234 of 5,000 supporters" or
	 * "€1,234.00 of €5,000.00", "1.234 von 5.000 Unterstützern"
	 */
	record TickerProgress(long goal, long progress, String text) {
	}

}
