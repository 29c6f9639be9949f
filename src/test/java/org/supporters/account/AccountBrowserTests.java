package org.supporters.account;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader on a phone, in a real Chromium: after a one-off contribution, downloads their
 * data from the account page and erases it.
 */
class AccountBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReaderDownloadsTheirDataThenErasesItAfterConfirming() throws Exception {
		String email = "browser-" + UUID.randomUUID() + "@example.org";
		Page page = browser.phone().newPage();
		page.navigate(url("/support"));
		page.getByLabel("One-off", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("€25.00 once").setExact(true)).check();
		page.getByLabel("Email address").fill(email);
		page.getByLabel(Pattern.compile("^Name\\b")).fill("Grace Hopper");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay €"))).click();
		assertThat(page.getByText("You are now a supporter")).isVisible();

		page.navigate(url("/account"));
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling on a phone")
			.isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download my data")).click());
		String data = Files.readString(download.path(), StandardCharsets.UTF_8);
		assertThat(data).contains(email, "Grace Hopper", "\"amountMinor\":2500");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my data")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Tick the box to confirm");
		page.getByLabel("I understand: erase my personal data").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my data")).click();

		assertThat(page).hasURL(Pattern.compile(".*/sign-in\\?erased$"));
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your personal data has been erased");
		assertThat(this.jdbc.queryForObject("select count(*) from supporter where lower(email) = lower(?)", Long.class,
				email))
			.isZero();
	}

}
