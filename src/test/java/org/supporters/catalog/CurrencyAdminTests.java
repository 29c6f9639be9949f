package org.supporters.catalog;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins list currencies, offer them to readers and give each tier prices in them; bad
 * codes and bad prices are explained and store nothing.
 */
class CurrencyAdminTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void offerOnlyTheDefaultAgain() {
		this.jdbc.update("update catalog_currency set offered = false");
	}

	@Test
	void adminListsAndOffersACurrencyGivesATierPricesInItAndReadersThereSeeThem() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = addTier(admin);
		long id = tierId(slug);

		HttpResponse<String> listed = admin.postForm("/staff/admin/currencies", "/staff/admin/currencies",
				Map.of("code", " chf "));
		assertThat(listed.statusCode()).isEqualTo(302);
		assertThat(admin.get("/staff/admin/currencies").body()).contains("CHF", "Swiss Franc", "not offered");
		Reader inSwitzerland = new Reader(this.port).withHeader("CF-IPCountry", "CH");
		assertThat(inSwitzerland.get("/support").body()).contains("€10.00");

		admin.postForm("/staff/admin/currencies", "/staff/admin/currencies/CHF/offered", Map.of("offered", "true"));
		Map<String, String> prices = prices(admin, id);
		prices.put("monthly-CHF", "9.50");
		prices.put("yearly-CHF", "95");
		HttpResponse<String> saved = admin.postForm("/staff/admin/tiers/" + id + "/prices",
				"/staff/admin/tiers/" + id + "/prices", prices);

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.queryForList(
				"select billing_interval || ' ' || amount_minor from tier_price where tier_id = ? and currency = 'CHF'",
				String.class, id))
			.containsExactlyInAnyOrder("month 950", "year 9500");
		String page = inSwitzerland.get("/support").body();
		assertThat(page).contains("CHF9.50", "CHF95.00", "Tier " + slug).doesNotContain("€");
		assertThat(auditActions("currency:CHF")).contains("currency.add", "currency.offer");
		assertThat(auditActions("tier:" + slug)).contains("tier.prices");

		admin.postForm("/staff/admin/currencies", "/staff/admin/currencies/CHF/offered", Map.of("offered", "false"));
		assertThat(inSwitzerland.get("/support").body()).contains("€10.00").doesNotContain("CHF9.50");
	}

	@Test
	void aTierLeftWithoutPricesInACurrencyIsHiddenFromReadersChoosingIt() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = addTier(admin);
		long id = tierId(slug);
		admin.postForm("/staff/admin/currencies", "/staff/admin/currencies/GBP/offered", Map.of("offered", "true"));
		Map<String, String> prices = prices(admin, id);
		prices.put("monthly-GBP", "4");
		prices.put("yearly-GBP", "40");
		admin.postForm("/staff/admin/tiers/" + id + "/prices", "/staff/admin/tiers/" + id + "/prices", prices);
		Reader inBritain = new Reader(this.port).withHeader("CF-IPCountry", "GB");
		assertThat(inBritain.get("/support").body()).contains("Tier " + slug, "£4.00");

		prices.put("monthly-GBP", "");
		prices.put("yearly-GBP", "");
		admin.postForm("/staff/admin/tiers/" + id + "/prices", "/staff/admin/tiers/" + id + "/prices", prices);

		assertThat(inBritain.get("/support").body()).contains("£10.00").doesNotContain("Tier " + slug);
		assertThat(new Reader(this.port).get("/support").body()).contains("Tier " + slug);
	}

	@Test
	void aCodeThatIsNotAnIso4217CurrencyIsExplainedAndNothingIsListed() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		int before = listedCurrencies();

		for (String code : List.of("XYZ", "EURO", "", "€", "XAU", "E".repeat(5000))) {
			HttpResponse<String> refused = admin.postForm("/staff/admin/currencies", "/staff/admin/currencies",
					Map.of("code", code));

			assertThat(refused.statusCode()).as(code).isEqualTo(400);
			assertThat(refused.body()).as(code)
				.contains("Enter a currency&#39;s three-letter ISO 4217 code, e.g. GBP or USD.");
		}
		HttpResponse<String> again = admin.postForm("/staff/admin/currencies", "/staff/admin/currencies",
				Map.of("code", "EUR"));
		assertThat(again.body()).contains("EUR is listed already.");
		assertThat(listedCurrencies()).isEqualTo(before);
	}

	@Test
	void theDefaultCurrencyStaysOfferedAndAnUnlistedOneCannotBeOffered() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		admin.postForm("/staff/admin/currencies", "/staff/admin/currencies/EUR/offered", Map.of("offered", "false"));
		HttpResponse<String> unlisted = admin.postForm("/staff/admin/currencies", "/staff/admin/currencies/ZZZ/offered",
				Map.of("offered", "true"));

		assertThat(admin.get("/staff/admin/currencies").body()).contains("default, always offered");
		assertThat(new Reader(this.port).get("/support").body()).contains("€10.00");
		assertThat(unlisted.statusCode()).isEqualTo(404);
		assertThat(
				this.jdbc.queryForObject("select count(*) from catalog_currency where currency = 'ZZZ'", Integer.class))
			.isZero();
	}

	@Test
	void aPriceOfZeroOrAboveTheLimitIsExplainedAndNoPriceOfTheFormIsStored() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = addTier(admin);
		long id = tierId(slug);
		List<String> pricesBefore = storedPrices(id);

		Map<String, String> prices = prices(admin, id);
		prices.put("monthly-EUR", "0");
		prices.put("yearly-EUR", "12.345");
		prices.put("monthly-GBP", "10000.01");
		prices.put("yearly-GBP", "");
		prices.put("monthly-USD", "7");
		prices.put("yearly-USD", "70");
		HttpResponse<String> refused = admin.postForm("/staff/admin/tiers/" + id + "/prices",
				"/staff/admin/tiers/" + id + "/prices", prices);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was saved.",
				"Enter a price above zero with at most 2 decimal places.",
				"Enter a price of at most £10,000.00, the largest amount taken online.",
				"Enter the price as a number, e.g. 10 or 9.50.", "value=\"10000.01\"");
		assertThat(storedPrices(id)).isEqualTo(pricesBefore);

		HttpResponse<String> tooDear = admin.postForm("/staff/admin/tiers/" + id, "/staff/admin/tiers/" + id,
				Map.of("name", "Tier " + slug, "benefits", "", "monthly", "10001", "yearly", "100"));
		HttpResponse<String> free = admin.postForm("/staff/admin/tiers", "/staff/admin/tiers",
				Map.of("slug", slug + "-x", "name", "Free", "benefits", "", "monthly", "0", "yearly", "0.00"));
		assertThat(tooDear.statusCode()).isEqualTo(400);
		assertThat(tooDear.body()).contains("Enter a price of at most €10,000.00");
		assertThat(free.statusCode()).isEqualTo(400);
		assertThat(free.body()).contains("Enter a price above zero");
		assertThat(storedPrices(id)).isEqualTo(pricesBefore);
		assertThat(this.jdbc.queryForObject("select count(*) from tier where slug = ?", Integer.class, slug + "-x"))
			.isZero();
	}

	/** The prices form of a tier as the page fills it in. */
	private Map<String, String> prices(StaffMember admin, long id) {
		String page = admin.get("/staff/admin/tiers/" + id + "/prices").body();
		Map<String, String> fields = new HashMap<>();
		java.util.regex.Matcher input = java.util.regex.Pattern
			.compile("name=\"((?:monthly|yearly)-[A-Z]{3})\"[^>]*?value=\"([^\"]*)\"")
			.matcher(page);
		while (input.find()) {
			fields.put(input.group(1), input.group(2));
		}
		java.util.regex.Matcher empty = java.util.regex.Pattern.compile("name=\"((?:monthly|yearly)-[A-Z]{3})\"")
			.matcher(page);
		while (empty.find()) {
			fields.putIfAbsent(empty.group(1), "");
		}
		return fields;
	}

	private String addTier(StaffMember admin) {
		String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> added = admin.postForm("/staff/admin/tiers", "/staff/admin/tiers", Map.of("slug", slug,
				"name", "Tier " + slug, "description", "", "benefits", "", "monthly", "3", "yearly", "30"));
		assertThat(added.statusCode()).isEqualTo(302);
		return slug;
	}

	private List<String> storedPrices(long id) {
		return this.jdbc.queryForList(
				"select currency || ' ' || billing_interval || ' ' || amount_minor from tier_price where tier_id = ? order by 1",
				String.class, id);
	}

	private int listedCurrencies() {
		return this.jdbc.queryForObject("select count(*) from catalog_currency", Integer.class);
	}

	private long tierId(String slug) {
		return this.jdbc.queryForObject("select id from tier where slug = ?", Long.class, slug);
	}

	private List<String> auditActions(String target) {
		return this.jdbc.queryForList("select action from audit_log where target = ? order by id", String.class,
				target);
	}

}
