package org.supporters.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.supporter.Provider;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.PledgeKind;
import org.supporters.Browser;
import org.supporters.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;

/**
 * A staff member in a real Chromium: signs in, reads the dashboard, searches, opens a
 * supporter, exports.
 */
class StaffReportsBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	DSLContext db;

	/** The service's clock: other tests move the sandbox's ahead of the wall clock. */
	@Autowired
	Clock clock;

	/** The service by its IPv4 address, as the test's HTTP client reaches it. */
	private String address(String path) {
		return url(path).replace("//localhost:", "//127.0.0.1:");
	}

	@Test
	void staffSignInReadTheDashboardFindASupporterAndExportTheList() throws Exception {
		String email = "browser-" + UUID.randomUUID() + "@example.com";
		UUID supporter = this.db.insertInto(SUPPORTER)
			.set(SUPPORTER.EMAIL, email)
			.set(SUPPORTER.NAME, "<img src=x onerror=alert(1)>")
			.returning(SUPPORTER.ID)
			.fetchSingle()
			.getId();
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		this.db.insertInto(PLEDGE)
			.set(PLEDGE.SUPPORTER_ID, supporter)
			.set(PLEDGE.KIND, PledgeKind.RECURRING)
			.set(PLEDGE.AMOUNT_MINOR, 2500L)
			.set(PLEDGE.CURRENCY, "EUR")
			.set(PLEDGE.BILLING_INTERVAL, "month")
			.set(PLEDGE.STATUS, PledgeStatus.ACTIVE)
			.set(PLEDGE.PROVIDER, Provider.SANDBOX)
			.set(PLEDGE.PROVIDER_REF, "browser_" + UUID.randomUUID())
			.set(PLEDGE.CURRENT_PERIOD_END, now.plusDays(30).toInstant())
			.set(PLEDGE.PROVIDER_STATE_AT, now.toInstant())
			.execute();
		Page page = browser.desktop().newPage();
		List<String> problems = new CopyOnWriteArrayList<>();
		page.onConsoleMessage((message) -> {
			// a failed request is reported below with its address
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				problems.add(message.text());
			}
		});
		page.onResponse((response) -> {
			if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
				problems.add(response.status() + " " + response.url());
			}
		});
		page.onDialog((dialog) -> problems.add("dialog: " + dialog.message()));

		page.navigate(address("/staff"));
		assertThat(page).hasURL(address("/staff/login"));
		page.getByLabel("Email").fill(ADMIN_EMAIL);
		page.getByLabel("Password").fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

		assertThat(page).hasURL(Pattern.compile(".*/staff(\\?continue)?$"));
		assertThat(page.locator("#active-supporters")).isVisible();
		assertThat(page.locator("svg.chart").first()).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Supporters").setExact(true)).click();
		page.getByLabel("Email or name").fill(email.substring(0, 20));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
		assertThat(page.locator("#supporters tbody tr")).hasCount(1);
		assertThat(page.locator("#supporters")).containsText("<img src=x onerror=alert(1)>");

		Download download = page.waitForDownload(() -> page.locator("#export").click());
		String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
		assertThat(csv).contains(email).contains("\"25.00\"");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email)).click();
		assertThat(page.locator("#supporter-email")).hasText(email);
		assertThat(page.locator("#supporter-name")).hasText("<img src=x onerror=alert(1)>");
		assertThat(page.locator("#membership")).containsText("Active");

		assertThat(problems).as("console errors and dialogs (a CSP violation or a script run)").isEmpty();
	}

}
