package org.supporters.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts and dates as a reader of each language writes them, and the language a
 * browser's {@code Accept-Language} asks for.
 */
class ReaderFormatTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final Locale GERMAN = Locale.forLanguageTag("de-AT");

	private static final Instant FEBRUARY_18 = Instant.parse("2027-02-18T23:30:00Z");

	@Test
	void amountsAreWrittenTheWayTheReadersLanguageWritesThem() {
		assertThat(ReaderFormat.money(new BigDecimal("10.00"), EUR, Locale.ENGLISH)).isEqualTo("€10.00");
		assertThat(ReaderFormat.money(new BigDecimal("10.00"), EUR, GERMAN)).isEqualTo("10,00\u00a0€");
		assertThat(ReaderFormat.money(new BigDecimal("1234.50"), EUR, Locale.GERMAN)).isEqualTo("1.234,50\u00a0€");
		assertThat(ReaderFormat.money(new BigDecimal("1234.50"), Currency.getInstance("GBP"), Locale.UK))
			.isEqualTo("£1,234.50");
		assertThat(ReaderFormat.money(new BigDecimal("500"), Currency.getInstance("JPY"), Locale.ENGLISH))
			.as("no decimals where the currency has none")
			.isEqualTo("JP¥500");
		assertThat(ReaderFormat.money(new BigDecimal("10.00"), EUR, Locale.FRENCH))
			.as("a language without words here: English")
			.isEqualTo("€10.00");
	}

	@Test
	void datesAreDaysInUtcWrittenTheWayTheReadersLanguageWritesThem() {
		assertThat(ReaderFormat.date(FEBRUARY_18, Locale.US)).isEqualTo("18 February 2027");
		assertThat(ReaderFormat.date(FEBRUARY_18, GERMAN)).isEqualTo("18. Februar 2027");
		assertThat(ReaderFormat.dayAndMonth(FEBRUARY_18, Locale.ENGLISH)).isEqualTo("18 February");
		assertThat(ReaderFormat.dayAndMonth(FEBRUARY_18, GERMAN)).isEqualTo("18. Februar");
		assertThat(ReaderFormat.shortDate(FEBRUARY_18, Instant.parse("2027-01-01T00:00:00Z"), GERMAN))
			.isEqualTo("18. Februar");
		assertThat(ReaderFormat.shortDate(FEBRUARY_18, Instant.parse("2026-12-31T00:00:00Z"), GERMAN))
			.isEqualTo("18. Februar 2027");
		assertThat(ReaderFormat.date(FEBRUARY_18, null)).isEqualTo("18 February 2027");
	}

	@Test
	void theFirstLanguageOfTheBrowserThatTheServiceSpeaksIsTaken() {
		assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).map(Languages.Language::code)
			.contains("de");
		assertThat(Languages.fromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7")).map(Languages.Language::code)
			.contains("en");
		assertThat(Languages.fromAcceptLanguage("en;q=0.1, DE;q=0.5")).map(Languages.Language::code).contains("de");
		assertThat(Languages.fromAcceptLanguage("fr-FR")).isEmpty();
		assertThat(Languages.fromAcceptLanguage("de;q=0")).as("refused by weight 0").isEmpty();
		for (String malformed : new String[] { null, "", "   ", ";;;", "de;q=abc", "x-", "q=1;de",
				"de-DE,".repeat(500) }) {
			assertThat(Languages.fromAcceptLanguage(malformed)).as(String.valueOf(malformed)).isEmpty();
		}
	}

	@Test
	void theLanguagesAreTheBundlesPresentEnglishFirst() {
		assertThat(Languages.all()).extracting(Languages.Language::code).startsWith("en").contains("de");
		assertThat(Languages.find("de")).map(Languages.Language::name).contains("Deutsch");
		assertThat(Languages.find("DE")).map(Languages.Language::locale).contains(Locale.GERMANY);
		assertThat(Languages.find("de-DE;<script>")).isEmpty();
		assertThat(Languages.find("fr")).isEmpty();
	}

}
