package org.supporters.pledge;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support page in the reader's currency: chosen from their pick (remembered in a
 * cookie), the CDN's country header, their browser's language region, else the default;
 * only among the currencies admins offer; bad input passed over or explained.
 */
class SupportCurrencyTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	private String euroOnlyTier;

	@BeforeEach
	void offerPoundsAndDollars() {
		offer("GBP", "USD");
		// a tier with prices in euros only
		this.euroOnlyTier = "euros-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.jdbc.queryForObject("insert into tier (slug, name, position) values (?, ?, 90) returning id",
				Long.class, this.euroOnlyTier, "Euro Only " + this.euroOnlyTier);
		this.jdbc.update("insert into tier_price values (?, 'EUR', 'month', 700), (?, 'EUR', 'year', 7000)", id, id);
	}

	@AfterEach
	void offerOnlyTheDefaultAgain() {
		this.jdbc.update("update catalog_currency set offered = false");
		this.jdbc.update("update tier set active = false where slug = ?", this.euroOnlyTier);
	}

	@Test
	void aReaderTheCdnPlacesInBritainSeesPoundsAndOnlyTheTiersPricedInPounds() {
		String page = new Reader(this.port).withHeader("CF-IPCountry", "GB").get("/support").body();

		assertThat(page)
			.contains("£10.00", "£100.00", "£5.00", "Amount (<span>£</span>)", "name=\"currency\" value=\"GBP\"",
					"<option value=\"GBP\" selected=\"selected\"")
			.doesNotContain("€10.00", "Euro Only");
	}

	@Test
	void cloudFrontsHeaderAndTheOneTheOperatorNamesCountToo() {
		assertThat(new Reader(this.port).withHeader("CloudFront-Viewer-Country", "US").get("/support").body())
			.contains("US$10.00");
		// the operator's header is read first
		assertThat(new Reader(this.port).withHeader("X-Test-Country", "gb")
			.withHeader("CF-IPCountry", "US")
			.get("/support")
			.body()).contains("£10.00");
	}

	@Test
	void withoutACountryTheBrowsersLanguageRegionCountsElseTheDefault() {
		assertThat(new Reader(this.port).withHeader("Accept-Language", "en-GB,en;q=0.9").get("/support").body())
			.contains("£10.00");
		// a German reader reads euros as Germans write them
		assertThat(new Reader(this.port).withHeader("Accept-Language", "de-DE,de;q=0.9").get("/support").body())
			.contains("10,00\u00a0€", "Euro Only");
		assertThat(new Reader(this.port).get("/support").body()).contains("€10.00");
	}

	@Test
	void aCurrencyNotOfferedIsNeverShownEvenWhereTheReaderIs() {
		this.jdbc.update("update catalog_currency set offered = false where currency = 'GBP'");

		String page = new Reader(this.port).withHeader("CF-IPCountry", "GB").get("/support").body();

		assertThat(page).contains("€10.00").doesNotContain("£", "<option value=\"GBP\"");
	}

	@Test
	void aPickedCurrencyIsRememberedInACookieForTheNextVisit() {
		Reader reader = new Reader(this.port).withHeader("CF-IPCountry", "US");

		HttpResponse<String> picked = reader.get("/support?currency=GBP");

		assertThat(picked.body()).contains("£10.00");
		String cookie = currencyCookie(picked).orElseThrow();
		assertThat(cookie).startsWith("supporters_currency=GBP;")
			.contains("Path=/", "Max-Age=", "SameSite=Lax")
			.doesNotContain("Secure", "HttpOnly");
		assertThat(reader.get("/support").body()).contains("£10.00").doesNotContain("US$");
	}

	@Test
	void overHttpsTheCookieIsSecure() {
		HttpResponse<String> picked = new Reader(this.port).withHeader("X-Forwarded-Proto", "https")
			.get("/support?currency=USD");

		assertThat(currencyCookie(picked).orElseThrow()).contains("Secure", "SameSite=Lax");
	}

	@Test
	void aPickThatIsNoCurrencyOrNotOfferedIsSaidAndNotRemembered() {
		for (String bad : List.of("XYZ", "SEK", "gbp", "XAU", "G".repeat(5000), "<b>EUR</b>")) {
			HttpResponse<String> page = new Reader(this.port).get("/support?currency=" + encode(bad));

			assertThat(page.statusCode()).as(bad).isEqualTo(200);
			assertThat(page.body()).as(bad).contains("That currency is not offered here. Prices are shown in EUR.");
			assertThat(currencyCookie(page)).as(bad).isEmpty();
		}
	}

	@Test
	void aBadCookieOrHeaderFallsBackSilently() {
		List<Map<String, String>> requests = List.of(Map.of("Cookie", "supporters_currency=XAU"),
				Map.of("Cookie", "supporters_currency=SEK"),
				Map.of("Cookie", "supporters_currency=" + "A".repeat(3000)), Map.of("CF-IPCountry", "XX"),
				Map.of("CF-IPCountry", "G".repeat(4000)), Map.of("Accept-Language", "en-GB;q=oops,,;"),
				Map.of("Accept-Language", "en-GB," + "x-y,".repeat(300)));
		for (Map<String, String> headers : requests) {
			Map<String, String> withAccept = new java.util.HashMap<>(headers);
			withAccept.put("Accept", "text/html");
			HttpResponse<String> page = new Reader(this.port).get("/support", withAccept);

			assertThat(page.statusCode()).as(headers.toString()).isEqualTo(200);
			assertThat(page.body()).as(headers.toString()).contains("€10.00").doesNotContain("not offered here");
		}
	}

	@Test
	void aReaderPledgesInTheirCurrencyAndThePledgeKeepsIt() {
		Reader reader = new Reader(this.port).withHeader("CF-IPCountry", "GB");
		String email = email();

		HttpResponse<String> toCheckout = reader
			.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email, "currency", "GBP"));
		HttpResponse<String> paid = reader.pay(toCheckout, "4242 4242 4242 4242");
		assertThat(reader.get(Reader.location(paid)).body()).contains("£10.00");

		assertThat(this.jdbc.queryForMap("select amount_minor, currency from checkout where email = ?", email))
			.containsEntry("amount_minor", 1000L)
			.containsEntry("currency", "GBP");
		assertThat(this.jdbc.queryForMap("""
				select p.amount_minor, p.currency from pledge p join supporter s on s.id = p.supporter_id
				where s.email = ?""", email)).containsEntry("amount_minor", 1000L).containsEntry("currency", "GBP");
	}

	@Test
	void aFormInACurrencyThatIsNotOfferedIsRefusedAndNothingIsStored() {
		for (String bad : List.of("XYZ", "SEK", "eur", "E".repeat(300))) {
			String email = email();

			HttpResponse<String> refused = new Reader(this.port)
				.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email, "currency", bad));

			assertThat(refused.statusCode()).as(bad).isEqualTo(422);
			assertThat(refused.body()).as(bad)
				.contains("Payments in that currency are not offered. Prices are now shown in EUR");
			assertThat(checkouts(email)).as(bad).isZero();
		}
	}

	@Test
	void aTierWithoutAPriceInTheReadersCurrencyIsExplainedNotCharged() {
		String email = email();
		Reader reader = new Reader(this.port).withHeader("CF-IPCountry", "GB");

		HttpResponse<String> refused = reader.pledge(Map.of("frequency", "monthly", "option",
				"tier:" + this.euroOnlyTier, "email", email, "currency", "GBP"));
		String linked = reader.get("/support?tier=" + this.euroOnlyTier).body();

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("is not offered in GBP. Choose another tier, or another currency.");
		assertThat(checkouts(email)).isZero();
		assertThat(linked).contains("is not offered in GBP. Choose another tier, or another currency.");
	}

	@Test
	void ownAmountsAndOneOffAmountsFollowTheCurrencysLimits() {
		Reader reader = new Reader(this.port).withHeader("CF-IPCountry", "GB");

		HttpResponse<String> tooSmall = reader
			.pledge(Map.of("frequency", "one-off", "option", "own", "ownAmount", "1", "email", email()));
		HttpResponse<String> preset = reader
			.pledge(Map.of("frequency", "one-off", "option", "preset:2500", "email", email()));

		assertThat(tooSmall.body()).contains("The smallest amount is £2.00.");
		assertThat(preset.statusCode()).isEqualTo(302);
	}

	private void offer(String... currencies) {
		for (String currency : currencies) {
			this.jdbc.update("""
					insert into catalog_currency (currency, offered) values (?, true)
					on conflict (currency) do update set offered = true""", currency);
		}
	}

	private static java.util.Optional<String> currencyCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("supporters_currency="))
			.findFirst();
	}

	private long checkouts(String email) {
		return this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String email() {
		return "currency-" + UUID.randomUUID() + "@example.org";
	}

}
