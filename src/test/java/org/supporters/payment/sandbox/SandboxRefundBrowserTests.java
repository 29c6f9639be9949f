package org.supporters.payment.sandbox;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Staff rehearse money taken back, offline, in a real Chromium: a full refund of a
 * reader's payment and a lost dispute of another's each end the pledge at once, and the
 * supporter page says why.
 */
class SandboxRefundBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRefundAndALostDisputeInTheSandboxEndThePledgesWithTheirReasons() {
		BrowserContext context = browser.desktop();
		Page page = context.newPage();
		String refunded = pledgeMonthly(page);
		String disputed = pledgeMonthly(page);

		page.navigate(url("/sandbox/payments"));
		Locator refundRow = row(page, refunded);
		refundRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Refunded.");
		assertThat(row(page, refunded)).containsText("€10.00");

		row(page, disputed).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open a dispute"))
			.click();
		assertThat(row(page, disputed)).containsText("Dispute open");
		row(page, disputed).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lose the dispute"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("The dispute was lost");

		// staff sign in in a browser of their own: this one holds the last reader's
		// session
		page = browser.desktop().newPage();
		page.navigate(url("/staff"));
		page.getByLabel("Email").fill(ADMIN_EMAIL);
		page.getByLabel("Password").fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).hasURL(Pattern.compile(".*/staff(\\?continue)?$"));

		page.navigate(url("/staff/supporters/" + supporterId(refunded)));
		assertThat(page.locator("#pledges .pledge-status")).hasText("Ended");
		assertThat(page.locator("#pledges .pledge-ended")).containsText("(refunded)");
		assertThat(page.locator("#membership")).containsText("None");
		assertThat(page.locator("#refunds")).containsText("€10.00 of €10.00");

		page.navigate(url("/staff/supporters/" + supporterId(disputed)));
		assertThat(page.locator("#pledges .pledge-status")).hasText("Ended");
		assertThat(page.locator("#pledges .pledge-ended")).containsText("(dispute lost)");
		assertThat(page.locator("#payments")).containsText("Dispute lost");
		assertThat(page.locator("#membership")).containsText("None");
	}

	private String pledgeMonthly(Page page) {
		String email = "refund-" + UUID.randomUUID() + "@example.org";
		page.navigate(url("/support"));
		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Supporter"))).check();
		page.getByLabel("Email address").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay €"))).click();
		assertThat(page.getByText("You are now a supporter")).isVisible();
		return email;
	}

	private static Locator row(Page page, String email) {
		return page.locator("#sandbox-payments tbody tr").filter(new Locator.FilterOptions().setHasText(email));
	}

	private UUID supporterId(String email) {
		return this.jdbc.queryForObject("select id from supporter where email = ?", UUID.class, email);
	}

}
