package org.supporters.pledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader pledges in a real Chromium: fills the support form by its labels, pays on the
 * sandbox checkout and lands on the thank-you page.
 */
class PledgeBrowserTests extends IntegrationTest {

	private static final String PAYS = "4242 4242 4242 4242";

	private static final String DECLINED = "4000 0000 0000 0002";

	private static final String AUTHENTICATES = "4000 0025 0000 3155";

	private static final Pattern CHECKOUT_PAGE = Pattern.compile(".*/sandbox/checkout/cs_sbx_[^/?]+$");

	private static final Pattern THANK_YOU_PAGE = Pattern.compile(".*/support/thanks/.+");

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void monthlyTierYearlyOwnAmountAndOneOffPresetEachEndOnTheThankYouPage() {
		String monthly = email();
		Page page = supportPage();
		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		tier(page, "Supporter").check();
		fillContact(page, monthly, "Ada Lovelace");
		continueToPayment(page);
		pay(page, PAYS);
		assertThankYou(page, "€10.00", "monthly", "at the Supporter tier");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Thank you, Ada Lovelace!");

		String yearly = email();
		page = supportPage();
		page.getByLabel("Yearly", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Amount (€)").fill("60");
		assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("My own amount"))).isChecked();
		fillContact(page, yearly, "");
		continueToPayment(page);
		pay(page, PAYS);
		assertThankYou(page, "€60.00", "yearly");

		String oneOff = email();
		page = supportPage();
		Locator preset = page.getByRole(AriaRole.RADIO,
				new Page.GetByRoleOptions().setName("€25.00 once").setExact(true));
		assertThat(tier(page, "Supporter")).isVisible();
		assertThat(preset).isHidden();
		page.getByLabel("One-off", new Page.GetByLabelOptions().setExact(true)).check();
		assertThat(tier(page, "Supporter")).isHidden();
		preset.check();
		fillContact(page, oneOff, "");
		continueToPayment(page);
		pay(page, PAYS);
		assertThankYou(page, "€25.00", "once");

		assertThat(pledge(monthly)).containsEntry("kind", "recurring")
			.containsEntry("billing_interval", "month")
			.containsEntry("amount_minor", 1000L)
			.containsEntry("status", "active")
			.containsEntry("tier", "supporter");
		assertThat(pledge(yearly)).containsEntry("kind", "recurring")
			.containsEntry("billing_interval", "year")
			.containsEntry("amount_minor", 6000L)
			.containsEntry("status", "active")
			.containsEntry("tier", null);
		assertThat(pledge(oneOff)).containsEntry("kind", "one_off")
			.containsEntry("billing_interval", null)
			.containsEntry("amount_minor", 2500L)
			.containsEntry("status", "paid")
			.containsEntry("tier", null);
		for (String email : List.of(monthly, yearly, oneOff)) {
			assertThat(supporterCount(email)).as("supporters with %s", email).isOne();
			assertThat(payments(email)).as("payments by %s", email).containsExactly("succeeded");
			assertThat(checkoutStatus(email)).as("checkout of %s", email).isEqualTo("completed");
		}
	}

	@Test
	void declinedCardShowsTheMessageAndRecordsNothing() {
		String email = email();
		Page page = supportPage();
		tier(page, "Friend").check();
		fillContact(page, email, "");
		continueToPayment(page);

		pay(page, DECLINED);

		Locator card = page.getByLabel("Card number");
		Locator cardField = page.locator(".field").filter(new Locator.FilterOptions().setHas(card));
		assertThat(cardField.getByText("Your card was declined. Try another card.")).isVisible();
		assertThat(card).hasAttribute("aria-invalid", "true");
		assertThat(card).hasAttribute("aria-describedby", Pattern.compile("\\bcard-error\\b"));
		assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout/cs_sbx_.*"));
		assertThat(supporterCount(email)).isZero();
		assertThat(checkoutStatus(email)).isEqualTo("open");
	}

	@Test
	void authenticationCardAsksToApproveAndFailingShowsAMessage() {
		String email = email();
		Page page = supportPage();
		tier(page, "Patron").check();
		fillContact(page, email, "");
		continueToPayment(page);

		pay(page, AUTHENTICATES);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Authenticate your payment")))
			.isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fail authentication")).click();
		assertThat(page.getByText("We could not authenticate your payment")).isVisible();
		assertThat(supporterCount(email)).isZero();

		pay(page, AUTHENTICATES);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Authenticate your payment")))
			.isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThankYou(page, "€25.00", "monthly", "at the Patron tier");
		assertThat(checkoutStatus(email)).isEqualTo("completed");
		assertThat(payments(email)).containsExactly("succeeded");
	}

	@Test
	void ownAmountBelowTheMinimumIsExplainedNextToTheFieldAndKept() {
		String email = email();
		Page page = supportPage();
		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("My own amount").check();
		page.getByLabel("Amount (€)").fill("1.50");
		fillContact(page, email, "");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();

		Locator amount = page.getByLabel("Amount (€)");
		Locator amountField = page.locator(".field").filter(new Locator.FilterOptions().setHas(amount));
		assertThat(amountField.getByText("The smallest amount is €2.00.")).isVisible();
		assertThat(amount).hasValue("1.50");
		assertThat(amount).hasAttribute("aria-invalid", "true");
		assertThat(page.getByLabel("Email address")).hasValue(email);
		assertThat(page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true))).isChecked();
		assertThat(page.getByLabel("My own amount")).isChecked();
		assertThat(this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email))
			.isZero();
	}

	@Test
	void keyboardReachesEveryFieldInOrderWithAVisibleFocus() {
		Page page = browser.phone().newPage();
		assertThat(page.navigate(url("/support")).status()).isEqualTo(200);
		List<String> order = new ArrayList<>();

		for (int i = 0; i < 40 && !order.contains("button:Continue to payment"); i++) {
			page.keyboard().press("Tab");
			@SuppressWarnings("unchecked")
			Map<String, Object> focused = (Map<String, Object>) page.evaluate("""
					() => {
						const e = document.activeElement;
						const style = getComputedStyle(e);
						const key = (e.tagName === 'BUTTON') ? 'button:' + e.textContent.trim()
							: (e.name || e.id || e.tagName.toLowerCase() + ':' + (e.getAttribute('href') || ''));
						return { key: key, outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
					}""");
			String key = (String) focused.get("key");
			order.add(key);
			assertThat(focused.get("outlineStyle")).as("outline-style of %s", key).isNotEqualTo("none");
			assertThat(focused.get("outlineWidth")).as("outline-width of %s", key).isNotEqualTo("0px");
		}

		assertThat(order).as("focus order")
			.containsSubsequence("frequency", "option", "ownAmount", "email", "name", "button:Continue to payment");
	}

	private Page supportPage() {
		Page page = browser.desktop().newPage();
		assertThat(page.navigate(url("/support")).status()).isEqualTo(200);
		return page;
	}

	/** The radio of the tier with the given name (its accessible name starts with it). */
	private static Locator tier(Page page, String name) {
		return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^" + name + "\\b")));
	}

	private static void fillContact(Page page, String email, String name) {
		page.getByLabel("Email address").fill(email);
		page.getByLabel(Pattern.compile("^Name\\b")).fill(name);
	}

	private static void continueToPayment(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		assertThat(page).hasURL(CHECKOUT_PAGE);
	}

	private static void pay(Page page, String card) {
		page.getByLabel("Card number").fill(card);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay €"))).click();
	}

	private static void assertThankYou(Page page, String... pledged) {
		assertThat(page).hasURL(THANK_YOU_PAGE);
		assertThat(page.getByText("You are now a supporter")).isVisible();
		Locator summary = page.getByText("You pledged");
		for (String text : pledged) {
			assertThat(summary).containsText(text);
		}
	}

	private Map<String, Object> pledge(String email) {
		return this.jdbc.queryForMap("""
				select p.kind, p.billing_interval::text as billing_interval, p.amount_minor, p.status, t.slug as tier
				from pledge p join supporter s on s.id = p.supporter_id left join tier t on t.id = p.tier_id
				where lower(s.email) = lower(?)""", email);
	}

	private List<String> payments(String email) {
		return this.jdbc.queryForList("""
				select pay.status from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where lower(s.email) = lower(?)""", String.class, email);
	}

	private String checkoutStatus(String email) {
		return this.jdbc.queryForObject("select status from checkout where email = ?", String.class, email);
	}

	private long supporterCount(String email) {
		return this.jdbc.queryForObject("select count(*) from supporter where lower(email) = lower(?)", Long.class,
				email);
	}

	private static String email() {
		return "browser-" + UUID.randomUUID() + "@example.org";
	}

}
