package org.supporters.pledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The country → currency table behind a CDN's country header. */
class CountryCurrenciesTests {

	@Test
	void eurozoneCountriesPayInEuros() {
		for (String country : List.of("DE", "FR", "IE", "IT", "ES", "NL", "AT", "FI", "PT", "GR", "HR", "XK")) {
			assertThat(CountryCurrencies.currencyOf(country)).as(country).contains("EUR");
		}
	}

	@Test
	void otherCountriesPayInTheirOwnCurrency() {
		assertThat(CountryCurrencies.currencyOf("GB")).contains("GBP");
		assertThat(CountryCurrencies.currencyOf("US")).contains("USD");
		assertThat(CountryCurrencies.currencyOf("CH")).contains("CHF");
		assertThat(CountryCurrencies.currencyOf("JP")).contains("JPY");
		assertThat(CountryCurrencies.currencyOf("SE")).contains("SEK");
		assertThat(CountryCurrencies.currencyOf("CA")).contains("CAD");
		assertThat(CountryCurrencies.currencyOf("AU")).contains("AUD");
		// territories pay in their country's currency
		assertThat(CountryCurrencies.currencyOf("PR")).contains("USD");
		assertThat(CountryCurrencies.currencyOf("IM")).contains("GBP");
	}

	@Test
	void aCountryCodeInLowerCaseIsStillTheCountry() {
		assertThat(CountryCurrencies.currencyOf("gb")).contains("GBP");
	}

	@Test
	void whatIsNoCountryWithACurrencyHasNone() {
		// Cloudflare's unknown and Tor; Antarctica; not ISO 3166; malformed
		for (String country : List.of("XX", "T1", "AQ", "ZZ", "", " ", "GBR", "G", "E1", "de-DE", "GB ",
				"G".repeat(10_000))) {
			assertThat(CountryCurrencies.currencyOf(country)).as("'%s'", country).isEmpty();
		}
		assertThat(CountryCurrencies.currencyOf(null)).isEmpty();
	}

}
