package org.supporters;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.importing.ImportPages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every reader and staff page, with data on them, at a desktop's width (1280
 * px) and a phone's (390 px): no violation of any impact, and no page wider than the
 * window. The table of what was found is written to {@code target/axe-report.md}.
 */
class AccessibilityBrowserTests extends IntegrationTest {

	private static final String PAYS = "4242 4242 4242 4242";

	private static final String DECLINED = "4000 0000 0000 0002";

	private static final String AUTHENTICATES = "4000 0025 0000 3155";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Test
	void everyReaderAndStaffPageHasNoViolationsOnADesktopOrAPhone() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		ImportPages imports = ImportPages.make(admin, this.context, this.clock.instant());
		UUID ask = ask(admin);
		webhookEndpoint(admin);
		apiKey(admin);
		Axe axe = new Axe();

		try {
			for (NewContextOptions size : new NewContextOptions[] { desktop(), phone() }) {
				String email = "axe-" + UUID.randomUUID() + "@example.org";
				readerPages(axe, browser.context(size).newPage(), email);
				signInPages(axe, browser.context(size).newPage(), email);
				staffPages(axe, browser.context(size).newPage(), email, imports, ask);
			}
		}
		finally {
			axe.writeTable(Path.of("target/axe-report.md"));
		}
		assertThat(axe.clean()).as("axe-core's violations (table in target/axe-report.md):%n%s", axe.details())
			.isTrue();
	}

	/**
	 * A reader pledges (a failed submit, a declined card, an authentication) and manages
	 * it.
	 */
	private void readerPages(Axe axe, Page page, String email) {
		open(page, "/support");
		axe.check("support", page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		assertThat(page.locator(".field-error").first()).isVisible();
		assertThat(page.locator(".error-summary")).isFocused();
		axe.check("support, errors", page);

		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Supporter\\b"))).check();
		page.getByLabel("Email address").fill(email);
		page.getByLabel(Pattern.compile("^Name\\b")).fill("Ada Lovelace");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout/.*"));
		axe.check("sandbox checkout", page);
		pay(page, DECLINED);
		assertThat(page.getByText("Your card was declined")).isVisible();
		axe.check("sandbox checkout, declined", page);
		pay(page, AUTHENTICATES);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).waitFor();
		axe.check("sandbox authenticate", page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThat(page.getByText("You are now a supporter")).isVisible();
		axe.check("thank you", page);

		open(page, "/account");
		axe.check("account", page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change amount or frequency")).click();
		axe.check("change pledge", page);
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Patron\\b"))).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See what it costs")).click();
		axe.check("change pledge, confirm", page);
		open(page, "/account");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel my pledge")).click();
		axe.check("cancel pledge", page);
		open(page, "/account/pledges/" + UUID.randomUUID() + "/change");
		axe.check("no such pledge", page);

		open(page, "/account");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manage, cancel or update card")).click();
		assertThat(page).hasURL(Pattern.compile(".*/sandbox/manage\\?.*"));
		axe.check("sandbox manage", page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at the end of this period"))
			.click();
		axe.check("sandbox manage, confirm cancel", page);
		open(page, "/sandbox/clock");
		axe.check("sandbox clock", page);
		open(page, "/sandbox/payments");
		axe.check("sandbox payments", page);

		open(page, "/demo/article");
		axe.check("demo article", page);
		open(page, "/account/card/not-a-token");
		axe.check("card link, invalid", page);
		page.navigate(url("/support/thanks/" + UUID.randomUUID()));
		axe.check("not found", page);
	}

	/** A reader signs in on another browser through the mailed link. */
	private void signInPages(Axe axe, Page page, String email) {
		open(page, "/sign-in");
		axe.check("sign in", page);
		page.getByLabel("Email address").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mail me a sign-in link")).click();
		axe.check("sign in, check mail", page);
		open(page, "/dev/mailbox");
		axe.check("dev mailbox", page);
		String link = TestMail.lastTo(email).body().replaceAll("(?s).*(/sign-in/link\\?[^\\s\"]+).*", "$1");
		open(page, link);
		axe.check("sign in, confirm link", page);
		open(page, "/sign-in/link?token=forged");
		axe.check("sign in, bad link", page);
	}

	private void staffPages(Axe axe, Page page, String readerEmail, ImportPages imports, UUID ask) {
		open(page, "/staff/login");
		axe.check("staff sign in", page);
		page.getByLabel("Email").fill(ADMIN_EMAIL);
		page.getByLabel("Password").fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("#active-supporters")).isVisible();
		double smallestLabel = ((Number) page.evaluate("Math.min(...[...document.querySelectorAll('svg.chart text')]"
				+ ".map((text) => text.getBoundingClientRect().height))"))
			.doubleValue();
		assertThat(smallestLabel).as("the charts' smallest label's height, in CSS pixels").isGreaterThanOrEqualTo(12);
		axe.check("staff dashboard", page);

		open(page, "/staff/supporters");
		axe.check("staff supporters", page);
		String supporter = this.jdbc.queryForObject("select id::text from supporter where lower(email) = lower(?)",
				String.class, readerEmail);
		open(page, "/staff/supporters/" + supporter);
		axe.check("staff supporter", page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give comp")).press("Enter");
		assertThat(page.locator(".has-error").first()).isFocused();
		axe.check("staff supporter, comp errors", page);
		String patron = this.jdbc.queryForObject(
				"select s.id::text from supporter s join supporter_origin o on o.supporter_id = s.id limit 1",
				String.class);
		open(page, "/staff/supporters/" + patron);
		axe.check("staff supporter from Patreon", page);
		open(page, "/staff/payments");
		axe.check("staff payments", page);
		open(page, "/staff/asks");
		axe.check("staff asks", page);
		open(page, "/staff/asks/" + ask);
		axe.check("staff ask report", page);
		open(page, "/staff/admin/asks/new");
		axe.check("staff new ask", page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Save"))).click();
		assertThat(page.locator(".error-summary")).isFocused();
		axe.check("staff new ask, errors", page);
		open(page, "/staff/admin/asks/" + ask);
		axe.check("staff edit ask", page);
		open(page, "/staff/admin/tiers");
		axe.check("staff tiers", page);
		page.locator("a[href*='/staff/admin/tiers/']").first().click();
		axe.check("staff tier", page);
		page.locator("a[href$='/prices']").first().click();
		axe.check("staff tier prices", page);
		open(page, "/staff/admin/currencies");
		axe.check("staff currencies", page);
		open(page, "/staff/admin/benefits");
		axe.check("staff benefits", page);
		open(page, "/staff/admin/site");
		axe.check("staff site", page);
		open(page, "/staff/admin/inbox");
		axe.check("staff inbox", page);
		open(page, "/staff/admin/api-keys");
		axe.check("staff API keys", page);
		open(page, "/staff/admin/import");
		axe.check("staff imports", page);
		open(page, imports.dryRun);
		axe.check("staff import, dry run", page);
		open(page, imports.confirmed);
		axe.check("staff import, report", page);
		open(page, "/staff/admin/webhooks");
		axe.check("staff webhooks", page);
		open(page, "/staff/admin/staff");
		axe.check("staff users", page);
		open(page, "/staff/admin/audit");
		axe.check("staff audit log", page);
		open(page, "/staff/forbidden");
		axe.check("staff forbidden", page);
		open(page, imports.unsubscribe);
		axe.check("moving, unsubscribed", page);
	}

	private void open(Page page, String path) {
		page.navigate(url(path));
	}

	private static void pay(Page page, String card) {
		page.getByLabel("Card number").fill(card);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay "))).click();
	}

	private static UUID ask(StaffMember admin) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Accessible ask " + UUID.randomUUID());
		fields.put("placement", "banner");
		fields.put("startsAt", local(Instant.now().minus(1, ChronoUnit.HOURS)));
		fields.put("endsAt", "");
		fields.put("tickerGoal", "100");
		fields.put("tickerUnit", "supporters");
		fields.put("tickerFrom", local(Instant.now().minus(7, ChronoUnit.DAYS)));
		fields.put("tickerUntil", "");
		fields.put("a.share", "50");
		fields.put("a.headline", "Keep local news alive");
		fields.put("a.body",
				"You've read %ARTICLE_COUNT% articles.\n\nReaders pay for [our work](https://news.example.com/about).");
		fields.put("a.buttonLabel", "Support us");
		fields.put("a.amounts", "4, 8, 15");
		fields.put("a.frequency", "monthly");
		fields.put("b.share", "50");
		fields.put("b.headline", "Every reader counts");
		fields.put("b.body", "Give once.");
		fields.put("b.buttonLabel", "Give now");
		fields.put("b.amounts", "3, 6");
		fields.put("b.frequency", "one-off");
		HttpResponse<String> saved = admin.postForm("/staff/admin/asks/new", "/staff/admin/asks", fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		return UUID.fromString(Reader.location(saved).replaceAll(".*/staff/asks/", ""));
	}

	/** As the ask form's datetime-local fields write it (UTC). */
	private static String local(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
			.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	private static void webhookEndpoint(StaffMember admin) {
		HttpResponse<String> made = admin.postForm("/staff/admin/webhooks", "/staff/admin/webhooks",
				Map.of("url", "http://127.0.0.1:9/hooks/" + UUID.randomUUID(), "events", "supporter.created"));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
	}

	private static void apiKey(StaffMember admin) {
		HttpResponse<String> made = admin.postForm("/staff/admin/api-keys", "/staff/admin/api-keys",
				Map.of("name", "Example News " + UUID.randomUUID()));
		assertThat(made.statusCode()).isEqualTo(200);
	}

	/** A desktop's window; the page's CSP would refuse the injected axe-core. */
	private static NewContextOptions desktop() {
		return new NewContextOptions().setViewportSize(1280, 720).setBypassCSP(true);
	}

	/** A phone's window, as {@link Browser#phone()}. */
	private static NewContextOptions phone() {
		return new NewContextOptions().setViewportSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT)
			.setDeviceScaleFactor(3)
			.setIsMobile(true)
			.setHasTouch(true)
			.setBypassCSP(true);
	}

}
