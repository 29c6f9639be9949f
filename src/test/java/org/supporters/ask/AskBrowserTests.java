package org.supporters.ask;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.StaffMember;
import org.supporters.pledge.CheckoutAttributions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.generated.Tables.SUPPORTER;

/**
 * The ask on the demo article in a real Chromium: targeting on the reader's device, the
 * banner's close, the benefits that hold asks back, and the click through to a pledge.
 */
class AskBrowserTests extends IntegrationTest {

	/** Lets a test move the page's clock: Date.now() runs this many ms ahead. */
	private static final String CLOCK = "(() => { const now = Date.now.bind(Date); "
			+ "Date.now = () => now() + Number(localStorage.getItem('test.clock') || 0); })();";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	DSLContext db;

	@Autowired
	Asks asks;

	@Autowired
	CheckoutAttributions attributions;

	@AfterEach
	void removeAsks() {
		AskFixtures.removeAll(this.db, this.asks);
	}

	@Test
	void anAnonymousReaderSeesTheAskFromTheThirdArticleWithTheirArticleCount() {
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Keep us reporting"));
		Page page = browser.phone().newPage();
		List<String> errors = new CopyOnWriteArrayList<>();
		page.onPageError(errors::add);

		read(page, "/demo/article/1");
		assertThat(page.locator("[data-support-ask]")).isHidden();
		read(page, "/demo/article/2");
		assertThat(page.locator("[data-support-ask]")).isHidden();
		read(page, "/demo/article");

		Locator ask = page.locator("[data-support-ask]");
		assertThat(ask).isVisible();
		assertThat(ask.getByRole(AriaRole.HEADING)).hasText("Keep us reporting");
		assertThat(ask).containsText("You've read 3 articles in the last 30 days.");
		assertThat(ask.getByText("our work")).hasAttribute("href", "https://news.example.com/about");
		assertThat(ask.getByText("Already a supporter?")).isVisible();
		assertThat(ask.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in"))).hasAttribute("href",
				url("/sign-in?return=")
						+ java.net.URLEncoder.encode(url("/demo/article"), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(errors).isEmpty();
	}

	@Test
	void aReaderKeepsTheVariantTheyWereAssignedAcrossPageViews() {
		AskFixtures.create(AskFixtures.admin(this.port),
				AskFixtures.withVariantB(AskFixtures.liveAsk("article", "Variant A copy"), 50, "Variant B copy"));
		Page page = browser.desktop().newPage();
		read(page, "/demo/article/1");
		read(page, "/demo/article/2");
		read(page, "/demo/article/3");
		String variant = page.locator("[data-ask-variant]").getAttribute("data-ask-variant");
		assertThat(variant).isIn("a", "b");

		for (int i = 4; i <= 9; i++) {
			read(page, "/demo/article/" + i);
			assertThat(page.locator("[data-ask-variant]")).hasAttribute("data-ask-variant", variant);
			assertThat(page.locator("[data-support-ask] h2"))
				.hasText(variant.equals("a") ? "Variant A copy" : "Variant B copy");
		}
	}

	@Test
	void aClosedBannerStaysAwayForSevenDays() {
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("banner", "Our winter appeal"));
		BrowserContext context = browser.desktop();
		context.addInitScript(CLOCK);
		Page page = context.newPage();
		read(page, "/demo/article/1");
		read(page, "/demo/article/2");
		read(page, "/demo/article/3");
		Locator banner = page.locator("[data-support-banner]");
		assertThat(banner).containsText("Our winter appeal");

		banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
		assertThat(banner).isHidden();
		read(page, "/demo/article/4");
		assertThat(page.locator("[data-support-ask]")).isVisible();
		assertThat(banner).isHidden();
		moveClock(page, Duration.ofDays(6).plusHours(23));
		read(page, "/demo/article/5");
		assertThat(banner).isHidden();
		moveClock(page, Duration.ofDays(7).plusHours(1));
		read(page, "/demo/article/6");
		assertThat(banner).isVisible();
	}

	@Test
	void aSupporterTierMemberSeesNoAsk() {
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Not for members"));
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("banner", "Banner not for members"));
		Page page = withMembership(
				"{\"member\":true,\"status\":\"active\",\"tier\":\"supporter\","
						+ "\"benefits\":[\"members-only\",\"fewer-asks\"],\"validUntil\":\"2027-01-01T00:00:00Z\"}",
				null);

		for (int i = 1; i <= 4; i++) {
			read(page, "/demo/article/" + i);
			assertThat(page.locator("[data-members-only]")).isVisible();
			assertThat(page.locator("[data-support-ask]")).isHidden();
			assertThat(page.locator("[data-support-banner]")).isHidden();
		}
		assertThat(page.locator(".supporters-ask")).hasCount(0);
	}

	@Test
	void aContributorWithFewerAsksSeesTheAskAtMostOnceInSevenDays() {
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Once a week"));
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("banner", "Banner too"));
		Page page = withMembership("{\"member\":true,\"status\":\"contributor\",\"tier\":null,"
				+ "\"benefits\":[\"fewer-asks\"],\"validUntil\":\"2027-01-01T00:00:00Z\"}", CLOCK);
		read(page, "/demo/article/1");
		read(page, "/demo/article/2");

		read(page, "/demo/article/3");
		assertThat(page.locator(".supporters-ask")).hasCount(1);
		assertThat(page.locator("[data-support-ask]")).containsText("Once a week");
		read(page, "/demo/article/4");
		assertThat(page.locator(".supporters-ask")).hasCount(0);
		moveClock(page, Duration.ofDays(6));
		read(page, "/demo/article/5");
		assertThat(page.locator(".supporters-ask")).hasCount(0);
		moveClock(page, Duration.ofDays(7).plusMinutes(1));
		read(page, "/demo/article/6");
		assertThat(page.locator(".supporters-ask")).hasCount(1);
	}

	@Test
	void clickingThroughAndPledgingAttributesThePledgeToTheAskVariantAndArticle() {
		UUID id = AskFixtures.create(AskFixtures.admin(this.port),
				AskFixtures.withVariantB(AskFixtures.liveAsk("article", "Give monthly"), 50, "Give once"));
		Page page = browser.desktop().newPage();
		read(page, "/demo/article/1");
		read(page, "/demo/article/2");
		read(page, "/demo/article/3");
		String variant = page.locator("[data-ask-variant]").getAttribute("data-ask-variant");

		page.locator(".supporters-button").click();
		page.waitForURL("**/support?**");
		// the variant's frequency and suggested amounts are chosen for the reader
		assertThat(page.getByLabel(variant.equals("a") ? "Monthly" : "One-off",
				new Page.GetByLabelOptions().setExact(true)))
			.isChecked();
		page.locator("input[name='option'][value='preset:" + (variant.equals("a") ? "800" : "600") + "']").check();
		String email = "ask-browser-" + UUID.randomUUID() + "@example.org";
		page.getByLabel("Email address").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.locator("#card").fill("4242 4242 4242 4242");
		page.locator("button[type=submit]").click();
		assertThat(page.getByText("You are now a supporter")).isVisible();

		assertThat(this.attributions.broughtBy(email)).singleElement().satisfies((brought) -> {
			assertThat(brought.ask()).isEqualTo(id);
			assertThat(brought.variant()).isEqualTo(variant);
			assertThat(brought.article()).isEqualTo(url("/demo/article/3"));
			assertThat(brought.amount().minor()).isEqualTo(variant.equals("a") ? 800 : 600);
		});
		StaffMember admin = AskFixtures.admin(this.port);
		String report = admin.get("/staff/asks/" + id).body();
		String row = report.substring(report.indexOf("<tr data-variant=\"" + variant + "\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-column=\"pledges\">1<");
		UUID supporter = this.db.select(SUPPORTER.ID)
			.from(SUPPORTER)
			.where(SUPPORTER.EMAIL.eq(email))
			.fetchSingle(SUPPORTER.ID);
		String detail = admin.get("/staff/supporters/" + supporter).body();
		String brought = detail.substring(detail.indexOf("id=\"brought-by\""), detail.indexOf("<h2>Comps</h2>"));
		assertThat(brought).contains("href=\"/staff/asks/" + id + "\"")
			.contains("variant " + variant.toUpperCase(java.util.Locale.ROOT))
			.contains("on " + url("/demo/article/3"));
	}

	@Test
	void markupInTheAsksCopyIsShownAsTextOnTheSitesPage() {
		Map<String, String> fields = AskFixtures.liveAsk("article", "<img src=x onerror=\"window.hacked=1\">Headline");
		fields.put("a.body", "<script>window.hacked=2</script> and [<b>bold</b>](https://news.example.com/)");
		fields.put("a.buttonLabel", "<i onmouseover=\"window.hacked=3\">Give</i>");
		AskFixtures.create(AskFixtures.admin(this.port), fields);
		Page page = browser.desktop().newPage();
		read(page, "/demo/article/1");
		read(page, "/demo/article/2");
		read(page, "/demo/article/3");

		Locator ask = page.locator("[data-support-ask]");
		assertThat(ask.locator("h2")).hasText("<img src=x onerror=\"window.hacked=1\">Headline");
		assertThat(ask).containsText("<script>window.hacked=2</script>");
		assertThat(ask.locator("img, script, b, i")).hasCount(0);
		assertThat(page.evaluate("() => window.hacked === undefined")).isEqualTo(true);
	}

	@Test
	void whenTheAsksCannotBeReadThePageStaysAsItIs() {
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Unreachable"));
		BrowserContext context = browser.desktop();
		context.route("**/api/v1/asks", Route::abort);
		Page page = context.newPage();
		List<String> errors = new CopyOnWriteArrayList<>();
		page.onPageError(errors::add);
		for (int i = 1; i <= 3; i++) {
			read(page, "/demo/article/" + i);
		}

		assertThat(page.locator("[data-support-ask]")).isHidden();
		assertThat(page.locator("[data-support-prompt]")).isVisible();
		assertThat(errors).isEmpty();
	}

	private void read(Page page, String path) {
		page.navigate(url(path));
		assertThat(page.locator("html")).hasAttribute("data-membership", java.util.regex.Pattern.compile(".+"));
		// the page's asks are rendered in the same task that sets the attribute
		page.waitForFunction("() => document.readyState === 'complete'");
	}

	private static void moveClock(Page page, Duration ahead) {
		page.evaluate("(ms) => localStorage.setItem('test.clock', ms)", String.valueOf(ahead.toMillis()));
	}

	private Page withMembership(String json, String initScript) {
		BrowserContext context = browser.desktop();
		if (initScript != null) {
			context.addInitScript(initScript);
		}
		context.route("**/api/v1/membership", (route) -> route
			.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(json)));
		return context.newPage();
	}

}
