package org.supporters.pledge;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers in another currency, in a real Chromium: a reader the CDN places in Britain
 * pledges in pounds through the sandbox and staff see the pledge under GBP; a reader's
 * pick of a currency holds on their next visit.
 */
class CurrencyBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void offerOnlyTheDefaultAgain() {
		this.jdbc.update("update catalog_currency set offered = false");
	}

	@Test
	void aReaderInBritainPledgesInPoundsAndTheDashboardShowsThePledgeUnderGbp() {
		offer("GBP");
		Page staff = browser.desktop().newPage();
		signInAsStaff(staff);
		long gbpPledgesBefore = recurringPledges(staff, "GBP");
		String email = "browser-" + UUID.randomUUID() + "@example.org";

		Page page = browser.context(new NewContextOptions().setExtraHTTPHeaders(Map.of("CF-IPCountry", "GB")))
			.newPage();
		page.navigate(url("/support"));
		assertThat(page.getByLabel("Currency")).hasValue("GBP");
		Locator supporter = page.getByRole(AriaRole.RADIO,
				new Page.GetByRoleOptions().setName(Pattern.compile("^Supporter\\b")));
		assertThat(supporter).isVisible();
		assertThat(page.locator("[data-tier=supporter]")).containsText("£10.00");
		assertThat(page.getByLabel("Amount (£)")).isVisible();
		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		supporter.check();
		page.getByLabel("Email address").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout/cs_sbx_[^/?]+$"));
		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay £10.00")).click();
		assertThat(page).hasURL(Pattern.compile(".*/support/thanks/.+"));
		assertThat(page.getByText("You pledged")).containsText("£10.00");

		assertThat(this.jdbc.queryForObject(
				"select p.currency from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				String.class, email))
			.isEqualTo("GBP");
		staff.reload();
		assertThat(recurringPledges(staff, "GBP")).isEqualTo(gbpPledgesBefore + 1);
		assertThat(row(staff, "GBP").locator("td").nth(1)).containsText("£");
	}

	@Test
	void aCurrencyTheReaderPicksIsRememberedOnTheirNextVisit() {
		offer("GBP", "USD");
		BrowserContext reader = browser.context(new NewContextOptions().setLocale("en-US"));
		Page page = reader.newPage();
		page.navigate(url("/support"));
		// the browser's language region: en-US
		assertThat(page.locator("[data-tier=supporter]")).containsText("US$10.00");

		page.getByLabel("Currency").selectOption("GBP");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show prices")).click();
		assertThat(page.locator("[data-tier=supporter]")).containsText("£10.00");

		Cookie remembered = reader.cookies()
			.stream()
			.filter((cookie) -> cookie.name.equals("supporters_currency"))
			.findFirst()
			.orElseThrow();
		assertThat(remembered.value).isEqualTo("GBP");
		assertThat(remembered.sameSite).isEqualTo(SameSiteAttribute.LAX);
		Page nextVisit = reader.newPage();
		nextVisit.navigate(url("/support"));
		assertThat(nextVisit.getByLabel("Currency")).hasValue("GBP");
		assertThat(nextVisit.locator("[data-tier=supporter]")).containsText("£10.00");
		assertThat(nextVisit.locator("[data-tier=supporter]")).not().containsText("US$");
	}

	private void offer(String... currencies) {
		for (String currency : currencies) {
			this.jdbc.update("""
					insert into catalog_currency (currency, offered) values (?, true)
					on conflict (currency) do update set offered = true""", currency);
		}
	}

	private void signInAsStaff(Page page) {
		page.navigate(url("/staff/login"));
		page.getByLabel("Email").fill(ADMIN_EMAIL);
		page.getByLabel("Password").fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("#recurring")).isVisible();
	}

	/** The dashboard's count of recurring pledges in a currency (0 without a row). */
	private static long recurringPledges(Page page, String currency) {
		Locator row = row(page, currency);
		return (row.count() == 0) ? 0 : Long.parseLong(row.locator("td").nth(3).innerText().trim());
	}

	/** The dashboard's row of recurring revenue in a currency. */
	private static Locator row(Page page, String currency) {
		return page.locator("#recurring tbody tr")
			.filter(new Locator.FilterOptions().setHas(page.locator("td:first-child",
					new Page.LocatorOptions().setHasText(Pattern.compile("^" + currency + "$")))));
	}

}
