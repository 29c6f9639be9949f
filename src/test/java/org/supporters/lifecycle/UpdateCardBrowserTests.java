package org.supporters.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.TestMail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone, in Chromium: the payment-failed mail's button opens the sandbox's manage
 * page without signing in; a wrong card is refused next to the field, a good one pays at
 * once; a cancel asks first and can be taken back.
 */
class UpdateCardBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final Pattern CARD_LINK = Pattern.compile("http://localhost:\\d+/account/card/[A-Za-z0-9._-]+");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReaderWhosePaymentFailedUpdatesTheirCardFromTheMailOnAPhone() {
		String email = "phone-card-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		reader.get(Reader.location(
				reader.pay(reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email)),
						"4000 0000 0000 0341")));
		Reader clock = new Reader(this.port);
		clock.post("/sandbox/clock", clock.get("/sandbox/clock").body(), Map.of("days", "31"));

		Page page = browser.phone().newPage();
		page.navigate(cardLink(email));

		assertThat(page).hasURL(Pattern.compile(".*/sandbox/manage\\?.*"));
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your last payment failed");
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).as("no sideways scroll")
			.isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		page.getByLabel("Update card", new Page.GetByLabelOptions().setExact(true)).fill("4000 0000 0000 0002");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update card and pay now")).click();
		assertThat(page.getByLabel("Update card", new Page.GetByLabelOptions().setExact(true)))
			.hasAttribute("aria-invalid", "true");
		assertThat(page.locator(".field-error"))
			.hasText("That card would fail too. Use 4242 4242 4242 4242 to update " + "your card in the sandbox.");

		page.getByLabel("Update card", new Page.GetByLabelOptions().setExact(true)).fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update card and pay now")).click();
		assertThat(page.getByRole(AriaRole.STATUS))
			.containsText("Your card was updated and your payment went through.");
		assertThat(this.jdbc.queryForObject(
				"select p.status from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				String.class, email))
			.isEqualTo("active");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at the end of this period"))
			.click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Cancel your support?");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No, keep my support")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Manage your support");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at the end of this period"))
			.click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel at the end of this period"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS))
			.containsText("Your support will end at the end of the period you paid for.");
	}

	/** The update-card link of the newest payment-failed mail to the reader. */
	private static String cardLink(String email) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			for (var message : TestMail.allTo(email)) {
				String text = ReceivedMail.of(message).text();
				Matcher matcher = CARD_LINK.matcher((text != null) ? text : "");
				if (matcher.find()) {
					return matcher.group();
				}
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("no payment-failed mail to " + email);
	}

}
