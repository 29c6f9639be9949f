package org.supporters.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.payment.sandbox.SandboxTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader on a phone, in a real Chromium against the sandbox, changes their own support
 * on the account page: another amount, yearly instead of monthly, a cancel with a reason,
 * and a resume; and the account page says in words where they stand at each step of a
 * pledge's life. The page's words at each step are written to
 * {@code target/account-page-texts.txt}.
 */
class SupportChangeBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final Map<String, String> texts = new LinkedHashMap<>();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aReaderChangesTheAmountSwitchesToYearlyCancelsWithAReasonAndResumes() {
		String email = "changes-" + UUID.randomUUID() + "@example.org";
		Page page = pledge(email, "4242 4242 4242 4242");
		page.navigate(url("/account"));
		assertThat(page.locator(".membership-status")).hasText(
				Pattern.compile("You are a member at the Supporter tier\\. Your next payment of €10\\.00 is on .+\\."));
		assertThat(page.locator(".benefits")).containsText("Members-only stories");
		assertThat(page.getByText("Become a supporter")).hasCount(0);
		noSidewaysScrolling(page);
		texts.put("active", mainText(page));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change amount or frequency")).click();
		page.getByLabel("My own amount").check();
		page.getByLabel(Pattern.compile("^Amount")).fill("1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See what it costs")).click();
		assertThat(page.locator(".field-error")).containsText("The smallest amount is");
		page.getByLabel(Pattern.compile("^Amount")).fill("12.50");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See what it costs")).click();
		assertThat(page.locator(".due-now")).containsText(Pattern.compile("You pay €\\d+\\.\\d\\d now"));
		assertThat(page.locator(".due-now")).containsText("then €12.50 a month");
		noSidewaysScrolling(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm change")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your support is now €12.50 monthly.");
		assertThat(page.locator(".pledge-terms")).hasText("€12.50 a month");
		assertThat(pledgeColumn(email, "amount_minor")).isEqualTo("1250");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change amount or frequency")).click();
		page.getByLabel("Yearly").check();
		page.locator("input[value='tier:supporter']").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See what it costs")).click();
		assertThat(page.locator(".due-now")).containsText("then €100.00 a year");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm change")).click();
		assertThat(page.locator(".pledge-terms")).hasText("€100.00 a year, Supporter tier");
		assertThat(pledgeColumn(email, "billing_interval")).isEqualTo("year");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel my pledge")).click();
		assertThat(page.locator("main")).containsText("If you cancel, you stay a member until");
		noSidewaysScrolling(page);
		page.getByLabel("It costs too much").check();
		page.getByLabel("Anything else you would like us to know?").fill("Back when I have a job again.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel my pledge")).click();
		assertThat(page.locator(".membership-status")).hasText(Pattern.compile(
				"Your membership is canceled\\. You stay a member until .+, and you will not be charged again\\."));
		assertThat(pledgeColumn(email, "cancel_reason")).isEqualTo("too_expensive");
		assertThat(pledgeColumn(email, "cancel_comment")).isEqualTo("Back when I have a job again.");
		texts.put("canceled, still a member", mainText(page));

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume my pledge")).click();
		assertThat(page.locator(".membership-status")).containsText("You are a member at the Supporter tier.");
		assertThat(pledgeColumn(email, "cancel_at_period_end")).isEqualTo("false");
		assertThat(pledgeColumn(email, "cancel_reason")).isNull();
	}

	@Test
	void theAccountPageSaysWhereAFailingPledgeStandsUntilItEnds() {
		String email = "failing-" + UUID.randomUUID() + "@example.org";
		Page page = pledge(email, "4000 0000 0000 0341");
		new SandboxTime(this.context).advanceAndCharge(Duration.ofDays(32));

		page.navigate(url("/account"));
		assertThat(page.locator(".membership-status"))
			.hasText(Pattern.compile("Your last payment failed\\. Update your card by .+ to keep your membership\\."));
		assertThat(page.locator("main button").first()).hasText("Update card");
		assertThat(page.getByText("Become a supporter")).hasCount(0);
		assertThat(page.locator(".pledge-state")).hasText("The last payment failed; we are trying again.");
		assertThat(page.locator("main")).not().containsText("renews");
		texts.put("payment failed, grace", mainText(page));

		new SandboxTime(this.context).advanceAndCharge(Duration.ofDays(3));
		new SandboxTime(this.context).advanceAndCharge(Duration.ofDays(5));
		page.navigate(url("/account"));
		assertThat(page.getByText("Become a supporter")).hasCount(0);
		assertThat(page.getByText("Support us again")).hasCount(0);
		// the deadline is the provider's next try: should that last one fail, the
		// membership ends then
		String nextTry = this.jdbc.queryForObject(
				"select to_char(p.next_retry_at at time zone 'UTC', 'FMDD FMMonth')"
						+ " from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				String.class, email);
		assertThat(page.locator(".membership-status")).containsText("Update your card by " + nextTry);
		texts.put("payment failed, still retrying", mainText(page));

		new SandboxTime(this.context).advanceAndCharge(Duration.ofDays(7));
		page.navigate(url("/account"));
		assertThat(page.locator(".membership-status"))
			.hasText("Your membership has ended. Thank you for supporting us.");
		assertThat(page.locator(".pledge-state")).containsText("the payments did not go through");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Support us again"))).isVisible();
		assertThat(page.getByText("Change amount or frequency")).hasCount(0);
		texts.put("ended", mainText(page));
	}

	@AfterAll
	static void writeTexts() throws IOException {
		StringBuilder out = new StringBuilder();
		texts.forEach((step, text) -> out.append("== ").append(step).append(" ==\n").append(text).append("\n\n"));
		Files.writeString(Path.of("target", "account-page-texts.txt"), out, StandardCharsets.UTF_8);
	}

	private Page pledge(String email, String card) {
		Page page = browser.phone().newPage();
		page.navigate(url("/support"));
		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		page.locator("input[value='tier:supporter']").check();
		page.getByLabel("Email address").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.getByLabel("Card number").fill(card);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay €"))).click();
		assertThat(page.getByText("You are now a supporter")).isVisible();
		return page;
	}

	private String pledgeColumn(String email, String column) {
		return this.jdbc.queryForObject(
				"select p." + column
						+ "::text from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				String.class, email);
	}

	/** The membership and pledges sections as a reader reads them. */
	private static String mainText(Page page) {
		return (page.locator("section.membership").innerText() + "\n" + page.locator("section.pledges").innerText())
			.replaceAll("\n{2,}", "\n")
			.strip();
	}

	private static void noSidewaysScrolling(Page page) {
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling on a phone")
			.isLessThanOrEqualTo(Browser.PHONE_WIDTH);
	}

}
