package org.supporters.membership;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.TestMail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo article in a real Chromium: members.js shows what each reader may see. */
class MembersJsBrowserTests extends IntegrationTest {

	private static final Pattern CODE = Pattern.compile("code on the sign-in page: ([0-9]{6})");

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void aReaderWhoPledgesSeesTheMembersOnlyPartAndSeesItAgainAfterSigningInElsewhere() {
		String email = "browser-" + UUID.randomUUID() + "@example.org";
		Page pledging = browser.desktop().newPage();
		pledging.navigate(url("/support"));
		pledging.getByLabel("Monthly").check();
		pledging.locator("input[value='tier:supporter']").check();
		pledging.getByLabel("Email address").fill(email);
		pledging.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		pledging.locator("#card").fill("4242 4242 4242 4242");
		pledging.locator("button[type=submit]").click();
		assertThat(pledging.getByText("You are now a supporter")).isVisible();

		pledging.navigate(url("/demo/article"));
		assertThat(pledging.locator("[data-members-only]")).isVisible();
		assertThat(pledging.locator("[data-tier='supporter']")).isVisible();
		assertThat(pledging.locator("[data-support-prompt]")).isHidden();
		assertThat(pledging.locator("[data-support-ask]")).isHidden();
		assertThat(pledging.locator("html")).hasAttribute("data-membership", "active");

		Page fresh = browser.desktop().newPage();
		fresh.navigate(url("/demo/article"));
		assertThat(fresh.locator("[data-support-prompt]")).isVisible();
		assertThat(fresh.locator("[data-support-prompt] a")).hasAttribute("href",
				url("/support?return=") + URLEncoder.encode(url("/demo/article"), StandardCharsets.UTF_8));
		assertThat(fresh.locator("[data-members-only]")).isHidden();

		fresh.navigate(url("/sign-in"));
		fresh.getByLabel("Email address").fill(email);
		fresh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mail me a sign-in link")).click();
		fresh.getByLabel("Code from the mail").fill(code(TestMail.lastTo(email)));
		fresh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(fresh.getByText("Signed in as")).isVisible();
		fresh.navigate(url("/demo/article"));
		assertThat(fresh.locator("[data-members-only]")).isVisible();
		assertThat(fresh.locator("[data-support-prompt]")).isHidden();
	}

	@Test
	void anAnonymousReaderSeesTheSupportPromptAndNotTheMembersOnlyPart() {
		Page page = browser.phone().newPage();
		List<String> errors = new CopyOnWriteArrayList<>();
		page.onPageError(errors::add);

		page.navigate(url("/demo/article"));

		assertThat(page.locator("html")).hasAttribute("data-membership", "none");
		assertThat(page.locator("[data-support-prompt]")).isVisible();
		assertThat(page.locator("[data-members-only]")).isHidden();
		assertThat(page.locator("[data-benefit='ad-free']")).isHidden();
		assertThat(errors).isEmpty();
	}

	@Test
	void whenTheServiceIsDownMembersOnlyPartsStayHiddenAndThePageWorks() {
		BrowserContext context = browser.desktop();
		context.route("**/api/v1/membership", Route::abort);
		Page page = context.newPage();
		List<String> errors = new CopyOnWriteArrayList<>();
		page.onPageError(errors::add);

		page.navigate(url("/demo/article"));

		assertThat(page.locator("html")).hasAttribute("data-membership", "unknown");
		assertThat(page.locator("[data-members-only]")).isHidden();
		assertThat(page.getByText("This first part of the article is for everyone")).isVisible();
		assertThat(errors).isEmpty();
	}

	@Test
	void whenTheServiceAnswersWithAnErrorMembersOnlyPartsStayHidden() {
		BrowserContext context = browser.desktop();
		context.route("**/api/v1/membership",
				(route) -> route.fulfill(new Route.FulfillOptions().setStatus(503).setBody("down")));
		Page page = context.newPage();

		page.navigate(url("/demo/article"));

		assertThat(page.locator("html")).hasAttribute("data-membership", "unknown");
		assertThat(page.locator("[data-members-only]")).isHidden();
	}

	@Test
	void aContributorWithFewerAsksSeesNoPromptAndNoMembersOnlyPart() {
		Page page = withMembership(
				"{\"member\":true,\"status\":\"contributor\",\"tier\":null,\"benefits\":[\"fewer-asks\"],\"validUntil\":\"2027-01-01T00:00:00Z\"}");

		assertThat(page.locator("[data-support-prompt]")).isHidden();
		assertThat(page.locator("[data-support-ask]")).isHidden();
		assertThat(page.locator("[data-members-only]")).isHidden();
		assertThat(page.locator("[data-tier='supporter']")).isHidden();
	}

	@Test
	void aReaderWhoGaveOnceSeesNoMembersOnlyPart() {
		Page page = browser.desktop().newPage();
		pledge(page, "One-off", "input[name='option'][value^='preset:']");

		page.navigate(url("/demo/article"));

		assertThat(page.locator("html")).hasAttribute("data-membership", "contributor");
		assertThat(page.locator("[data-members-only]")).isHidden();
		assertThat(page.locator("[data-tier='supporter']")).isHidden();
		assertThat(page.locator("[data-support-prompt]")).isHidden();
	}

	@Test
	void aFriendTierMemberSeesNeitherTheMembersOnlyPartNorTheSupporterTierPart() {
		Page page = browser.desktop().newPage();
		pledge(page, "Monthly", "input[value='tier:friend']");

		page.navigate(url("/demo/article"));

		assertThat(page.locator("html")).hasAttribute("data-membership", "active");
		assertThat(page.locator("[data-members-only]")).isHidden();
		assertThat(page.locator("[data-tier='supporter']")).isHidden();
		// Friends get fewer asks
		assertThat(page.locator("[data-support-ask]")).isHidden();
	}

	@Test
	void aPatronSeesTheSupporterTierPartAsATierAboveIt() {
		Page page = withMembership(
				"{\"member\":true,\"status\":\"active\",\"tier\":\"patron\",\"benefits\":[\"members-only\"],\"validUntil\":\"2027-01-01T00:00:00Z\"}");

		assertThat(page.locator("[data-tier='supporter']")).isVisible();
		assertThat(page.locator("[data-members-only]")).isVisible();
	}

	@Test
	void anOwnAmountMemberWithMembersOnlySeesTheMembersPartButNoTierPart() {
		Page page = withMembership(
				"{\"member\":true,\"status\":\"active\",\"tier\":null,\"benefits\":[\"members-only\",\"fewer-asks\"],\"validUntil\":\"2027-01-01T00:00:00Z\"}");

		assertThat(page.locator("[data-members-only]")).isVisible();
		assertThat(page.locator("[data-tier='supporter']")).isHidden();
	}

	@Test
	void anAnonymousReaderGetsTheEndOfArticleAskWithLinksBackToTheArticle() {
		Page page = browser.desktop().newPage();

		page.navigate(url("/demo/article"));

		Locator ask = page.locator("[data-support-ask]");
		assertThat(ask).isVisible();
		String back = URLEncoder.encode(url("/demo/article"), StandardCharsets.UTF_8);
		assertThat(ask.getByText("Support us")).hasAttribute("href", url("/support?return=") + back);
		assertThat(ask.getByText("Sign in")).hasAttribute("href", url("/sign-in?return=") + back);
	}

	@Test
	void aMemberWithAdFreeSeesTheAdFreePart() {
		Page page = withMembership(
				"{\"member\":true,\"status\":\"active\",\"tier\":\"patron\",\"benefits\":[\"members-only\",\"ad-free\"],\"validUntil\":\"2027-01-01T00:00:00Z\"}");

		assertThat(page.locator("[data-benefit='ad-free']")).isVisible();
		assertThat(page.locator("[data-members-only]")).isVisible();
		assertThat(page.locator("[data-support-prompt]")).isHidden();
	}

	private void pledge(Page page, String frequency, String option) {
		page.navigate(url("/support"));
		page.getByLabel(frequency, new Page.GetByLabelOptions().setExact(true)).check();
		page.locator(option).first().check();
		page.getByLabel("Email address").fill("browser-" + UUID.randomUUID() + "@example.org");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.locator("#card").fill("4242 4242 4242 4242");
		page.locator("button[type=submit]").click();
		assertThat(page.getByText("You are now a supporter")).isVisible();
	}

	private Page withMembership(String json) {
		BrowserContext context = browser.desktop();
		context.route("**/api/v1/membership", (route) -> route
			.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(json)));
		Page page = context.newPage();
		page.navigate(url("/demo/article"));
		Locator html = page.locator("html");
		assertThat(html).hasAttribute("data-membership", Pattern.compile(".+"));
		return page;
	}

	private static String code(TestMail.Received mail) {
		Matcher matcher = CODE.matcher(mail.body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
