package org.supporters.ask;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ask form as typed: dates as {@code datetime-local} text in UTC, amounts in major
 * units separated by commas, a ticker's amount goal in major units.
 */
record AskForm(String name, String placement, String startsAt, String endsAt, String tickerGoal, String tickerUnit,
		String tickerFrom, String tickerUntil, List<VariantForm> variants) {

	/** The variants the form offers: a control and up to two others. */
	static final List<String> KEYS = List.of("a", "b", "c");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	/**
	 * From the posted fields: {@code name}, …, and {@code a.headline}, {@code b.share},
	 * ….
	 */
	static AskForm from(Map<String, String> fields) {
		return new AskForm(fields.get("name"), fields.get("placement"), fields.get("startsAt"), fields.get("endsAt"),
				fields.get("tickerGoal"), fields.get("tickerUnit"), fields.get("tickerFrom"), fields.get("tickerUntil"),
				KEYS.stream()
					.map((key) -> new VariantForm(key, fields.get(key + ".share"), fields.get(key + ".headline"),
							fields.get(key + ".body"), fields.get(key + ".buttonLabel"), fields.get(key + ".amounts"),
							fields.get(key + ".frequency")))
					.toList());
	}

	static AskForm blank(Instant now, String currency) {
		return new AskForm("", "article", local(now.truncatedTo(ChronoUnit.HOURS)), "", "", currency, "", "", KEYS
			.stream()
			.map((key) -> key.equals("a") ? new VariantForm(key, "100", "", "", "Support us", "5, 10, 20", "monthly")
					: new VariantForm(key, "", "", "", "", "", "monthly"))
			.toList());
	}

	static AskForm of(Ask ask, Currency currency) {
		Ask.Ticker ticker = ask.ticker();
		String goal = null;
		if (ticker != null) {
			goal = ticker.inSupporters() ? String.valueOf(ticker.goal())
					: BigDecimal.valueOf(ticker.goal(), Currency.getInstance(ticker.unit()).getDefaultFractionDigits())
						.toPlainString();
		}
		return new AskForm(ask.name(), ask.placement().code(), local(ask.startsAt()), local(ask.endsAt()), goal,
				(ticker != null) ? ticker.unit() : currency.getCurrencyCode(),
				(ticker != null) ? local(ticker.from()) : "", (ticker != null) ? local(ticker.until()) : "",
				KEYS.stream()
					.map((key) -> ask.variant(key)
						.map((variant) -> new VariantForm(key, String.valueOf(variant.share()), variant.headline(),
								variant.body(), variant.buttonLabel(), amounts(variant.amounts(), currency),
								variant.frequency().code()))
						.orElseGet(() -> new VariantForm(key, "", "", "", "", "", "monthly")))
					.toList());
	}

	static String local(Instant instant) {
		return (instant != null) ? LOCAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) : "";
	}

	/** A {@code datetime-local} value read as UTC; null when blank or malformed. */
	static Instant instant(String text) {
		try {
			return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String amounts(List<Long> minor, Currency currency) {
		return minor.stream()
			.map((amount) -> BigDecimal.valueOf(amount, currency.getDefaultFractionDigits()).toPlainString())
			.collect(Collectors.joining(", "));
	}

	/** The variants someone filled in (the control always counts). */
	public List<VariantForm> used() {
		return this.variants.stream().filter((variant) -> variant.key().equals("a") || variant.filled()).toList();
	}

	/** One variant's fields; {@code key} is {@code a}, {@code b} or {@code c}. */
	record VariantForm(String key, String share, String headline, String body, String buttonLabel, String amounts,
			String frequency) {

		boolean filled() {
			return Stream.of(this.headline, this.body, this.buttonLabel, this.amounts)
				.anyMatch((text) -> text != null && !text.isBlank());
		}

	}

}
