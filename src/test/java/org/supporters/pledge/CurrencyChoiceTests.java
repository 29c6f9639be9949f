package org.supporters.pledge;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.supporters.pledge.CurrencyChoice.Chosen;
import org.supporters.pledge.CurrencyChoice.Signals;
import org.supporters.pledge.CurrencyChoice.Source;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which the support page picks the reader's currency: their pick, the
 * remembered pick, the CDN's country, the browser's language region, the default.
 */
class CurrencyChoiceTests {

	private static final Set<String> OFFERED = Set.of("EUR", "GBP", "USD");

	@Test
	void aPickOnThePageComesFirst() {
		assertThat(choose("GBP", "USD", List.of("US"), "en-US")).isEqualTo(new Chosen("GBP", Source.PICKED, false));
	}

	@Test
	void thenTheRememberedPick() {
		assertThat(choose(null, "USD", List.of("GB"), "de-DE")).isEqualTo(new Chosen("USD", Source.REMEMBERED, false));
	}

	@Test
	void thenTheCountryTheCdnSays() {
		assertThat(choose(null, null, List.of("GB"), "de-DE")).isEqualTo(new Chosen("GBP", Source.COUNTRY, false));
		// the first header that names a country with an offered currency
		assertThat(choose(null, null, Arrays.asList(null, "XX", "US"), "de-DE"))
			.isEqualTo(new Chosen("USD", Source.COUNTRY, false));
	}

	@Test
	void thenTheRegionOfTheBrowsersLanguages() {
		assertThat(choose(null, null, List.of(), "de-DE,de;q=0.9,en;q=0.8"))
			.isEqualTo(new Chosen("EUR", Source.LANGUAGE, false));
		assertThat(choose(null, null, List.of(), "en-GB")).isEqualTo(new Chosen("GBP", Source.LANGUAGE, false));
		// weights count, not order; a region without an offered currency is passed over
		assertThat(choose(null, null, List.of(), "en-US;q=0.5,sv-SE,en-GB;q=0.7"))
			.isEqualTo(new Chosen("GBP", Source.LANGUAGE, false));
	}

	@Test
	void elseTheDefault() {
		assertThat(choose(null, null, List.of(), null)).isEqualTo(new Chosen("EUR", Source.DEFAULT, false));
		assertThat(choose(null, null, List.of(), "de")).isEqualTo(new Chosen("EUR", Source.DEFAULT, false));
		assertThat(choose(null, null, List.of("SE"), "sv-SE")).isEqualTo(new Chosen("EUR", Source.DEFAULT, false));
	}

	@Test
	void aPickThatIsNotIso4217OrNotOfferedIsRefusedAndTheRestDecides() {
		assertThat(choose("XYZ", null, List.of("GB"), null)).isEqualTo(new Chosen("GBP", Source.COUNTRY, true));
		assertThat(choose("SEK", null, List.of(), null)).isEqualTo(new Chosen("EUR", Source.DEFAULT, true));
		assertThat(choose("gbp", null, List.of(), null)).isEqualTo(new Chosen("EUR", Source.DEFAULT, true));
		assertThat(choose("<script>", "USD", List.of(), null)).isEqualTo(new Chosen("USD", Source.REMEMBERED, true));
	}

	@Test
	void malformedOrEnormousCookiesAndHeadersArePassedOverSilently() {
		assertThat(choose(null, "XAU", List.of("GBR", "1"), "de-DE;q=x,,;;")).isEqualTo(defaultEur());
		assertThat(choose(null, "SEK", List.of("g".repeat(100_000)), null)).isEqualTo(defaultEur());
		assertThat(choose(null, null, List.of(), "en-GB," + "de-DE,".repeat(10_000))).isEqualTo(defaultEur());
		assertThat(choose(null, null, List.of(), "\u0000\u00ff-GB")).isEqualTo(defaultEur());
	}

	@Test
	void regionsAreReadFromEveryFormOfLanguageTag() {
		assertThat(CurrencyChoice.regions("zh-Hant-TW, es-419;q=0.9, en-gb;q=0.8, *;q=0.1, fr-FR;q=0"))
			.containsExactly("TW", "GB");
	}

	private static Chosen defaultEur() {
		return new Chosen("EUR", Source.DEFAULT, false);
	}

	private static Chosen choose(String picked, String remembered, List<String> countries, String acceptLanguage) {
		return CurrencyChoice.choose(new Signals(picked, remembered, countries, acceptLanguage), OFFERED::contains,
				"EUR");
	}

}
