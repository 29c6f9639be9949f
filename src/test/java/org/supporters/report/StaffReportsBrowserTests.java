package org.supporters.report;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.payment.ProviderEventInbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member in a real Chromium: signs in, reads the dashboard, searches, opens a
 * supporter, exports.
 */
class StaffReportsBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	ProviderEventInbox inbox;

	@Test
	void staffSignInReadTheDashboardFindASupporterAndExportTheList() throws Exception {
		String email = "browser-" + UUID.randomUUID() + "@example.com";
		Reader reader = new Reader(this.port);
		reader.pay(reader.pledge(Map.of("frequency", "monthly", "option", "tier:patron", "email", email, "name",
				"<img src=x onerror=alert(1)>")), "4242424242424242");
		Page page = browser.desktop().newPage();
		List<String> problems = new CopyOnWriteArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				problems.add(message.text());
			}
		});
		page.onDialog((dialog) -> problems.add("dialog: " + dialog.message()));

		page.navigate(url("/staff"));
		assertThat(page).hasURL(url("/staff/login"));
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
		assertThat(csv).contains(email).contains("Patron");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email)).click();
		assertThat(page.locator("#supporter-email")).hasText(email);
		assertThat(page.locator("#supporter-name")).hasText("<img src=x onerror=alert(1)>");
		assertThat(page.locator("#membership")).containsText("active");
		assertThat(page.locator("#payments")).containsText("succeeded");

		assertThat(problems).as("console errors and dialogs (a CSP violation or a script run)").isEmpty();
	}

}
