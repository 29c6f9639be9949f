package org.supporters.membership;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.WordPress;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WordPress plugin on a real WordPress (Debian's package, the local MariaDB), with
 * the service on the same host: what readers get of a members-only post and of a post
 * with [members_only] parts, in Chromium, in the REST API and in the feed.
 */
class WordPressPluginTests extends IntegrationTest {

	private static final String MEMBERS_PARAGRAPH = "SECRET-MEMBERS-PARAGRAPH";

	private static final String SHORTCODE_PARAGRAPH = "SECRET-SHORTCODE-PARAGRAPH";

	private static final String PATRON_PARAGRAPH = "SECRET-PATRON-PARAGRAPH";

	private static final List<String> SECRETS = List.of(MEMBERS_PARAGRAPH, SHORTCODE_PARAGRAPH, PATRON_PARAGRAPH);

	@RegisterExtension
	@Order(1)
	static final WordPress wordpress = new WordPress(SITE_PORT, "http://localhost:" + PORT);

	@RegisterExtension
	@Order(2)
	static final Browser browser = new Browser();

	@Test
	void anAnonymousReaderGetsTheTeaserAndTheBoxButNotTheProtectedParagraphs() {
		Page page = browser.desktop().newPage();

		Response members = page.navigate(wordpress.membersOnlyPost());
		assertThat(members.status()).isEqualTo(200);
		assertThat(members.text())
			.contains("The opening paragraph of the river story is for everyone", "This article is for members")
			.doesNotContain(MEMBERS_PARAGRAPH);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Become a member")))
			.hasAttribute("href", url("/support?return=") + encode(wordpress.membersOnlyPost()));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Already a member? Sign in")))
			.hasAttribute("href", url("/sign-in?return=") + encode(wordpress.membersOnlyPost()));
		// the end-of-post ask, shown by members.js to a reader who is not a member
		assertThat(page.locator("[data-support-ask]")).isVisible();
		assertThat(page.locator("[data-support-ask]")).containsText("Help us grow");

		Response partial = page.navigate(wordpress.partlyProtectedPost());
		assertThat(partial.text())
			.contains("The budget story starts in public", "The budget story ends in public",
					"This part is for members")
			.doesNotContain(SHORTCODE_PARAGRAPH, PATRON_PARAGRAPH);
		assertThat(wordpress.debugLog()).doesNotContain("supporters-membership");
	}

	@Test
	void aReaderWhoPledgesAtTheSupporterTierFromThePostsBoxComesBackToThePostAndReadsIt() {
		BrowserContext context = browser.desktop();
		Page page = context.newPage();
		page.navigate(wordpress.membersOnlyPost());

		pledgeFromTheBox(page, "tier:supporter");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue reading")).click();

		assertThat(page).hasURL(wordpress.membersOnlyPost());
		assertThat(page.getByText(MEMBERS_PARAGRAPH)).isVisible();
		assertThat(page.getByText("This article is for members")).hasCount(0);
		assertThat(page.locator("[data-support-ask]")).isHidden();
		Response again = page.navigate(wordpress.partlyProtectedPost());
		assertThat(again.text()).contains(SHORTCODE_PARAGRAPH).doesNotContain(PATRON_PARAGRAPH);
		assertThat(page.locator(".supporters-account-links").getByText("Your account")).hasAttribute("href",
				url("/account"));
		assertThat(again.headers().get("cache-control")).startsWith("private");

		// verifying the token needs no call to the service: the keys fetched once are
		// kept
		List<String> callsBefore = callsToTheService();
		assertThat(callsBefore).as("the keys and the tier order, each fetched once for every reader")
			.contains(url("/.well-known/jwks.json"))
			.doesNotHaveDuplicates()
			.isSubsetOf(url("/.well-known/jwks.json"), url("/api/v1/tiers"));
		for (int view = 0; view < 5; view++) {
			assertThat(page.navigate(wordpress.membersOnlyPost()).text()).contains(MEMBERS_PARAGRAPH);
			assertThat(page.navigate(wordpress.partlyProtectedPost()).text()).contains(SHORTCODE_PARAGRAPH);
		}
		assertThat(callsToTheService()).as("calls to the service for 10 member page views").isEqualTo(callsBefore);

		// a member's browser gets no protected content from the REST API or the feed
		// either
		assertNoSecrets(context.request().get(wordpress.url("/wp-json/wp/v2/posts")));
		assertNoSecrets(context.request().get(wordpress.url("/feed/")));
	}

	@Test
	void aFriendTierReaderWhoPledgesFromTheBoxStillGetsTheBox() {
		Page page = browser.desktop().newPage();
		page.navigate(wordpress.membersOnlyPost());

		pledgeFromTheBox(page, "tier:friend");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue reading")).click();

		assertThat(page).hasURL(wordpress.membersOnlyPost());
		assertThat(page.getByText("This article is for members")).isVisible();
		assertThat(page.navigate(wordpress.membersOnlyPost()).text()).doesNotContain(MEMBERS_PARAGRAPH);
		assertThat(page.navigate(wordpress.partlyProtectedPost()).text()).doesNotContain(SHORTCODE_PARAGRAPH,
				PATRON_PARAGRAPH);
	}

	@Test
	void theRestApiFeedSearchAndExcerptsNeverCarryTheProtectedParagraphs() {
		BrowserContext context = browser.desktop();

		assertNoSecrets(context.request().get(wordpress.url("/wp-json/wp/v2/posts")));
		assertNoSecrets(context.request().get(wordpress.url("/wp-json/wp/v2/posts?search=interviews")));
		assertNoSecrets(context.request().get(wordpress.url("/?rest_route=/wp/v2/posts&_embed=1")));
		assertNoSecrets(context.request().get(wordpress.url("/feed/")));
		assertNoSecrets(context.request().get(wordpress.url("/comments/feed/")));
		assertNoSecrets(context.request().get(wordpress.url("/?s=interviews")));
		assertNoSecrets(context.request().get(wordpress.url("/?s=analysis")));
		assertNoSecrets(context.request().get(wordpress.url("/")));
		APIResponse posts = context.request().get(wordpress.url("/wp-json/wp/v2/posts"));
		assertThat(posts.text()).contains("The opening paragraph of the river story", "The budget story starts");
	}

	@Test
	void aForgedCookieIsNotAMemberAndNoErrorPage() {
		BrowserContext context = browser.desktop();
		String none = base64url("{\"alg\":\"none\",\"kid\":\"x\"}") + "."
				+ base64url("{\"iss\":\"" + url("") + "\",\"sub\":\"" + UUID.randomUUID()
						+ "\",\"benefits\":[\"members-only\"],\"tier\":\"patron\",\"exp\":4102444800}")
				+ ".";
		for (String forged : List.of(none, "garbage", "a.b.c", "x".repeat(4000))) {
			context.clearCookies();
			context
				.addCookies(List.of(new Cookie("supporters_membership", forged).setDomain("localhost").setPath("/")));
			Page page = context.newPage();

			Response answer = page.navigate(wordpress.membersOnlyPost());

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.text()).contains("This article is for members").doesNotContain(MEMBERS_PARAGRAPH);
			page.close();
		}
	}

	@Test
	void thePostsSidebarFlagIsSavedThroughTheRestApiByEditorsOnlyAndTheSettingsAreGuarded() {
		Map<String, Object> checks = castMap(JsonMapper.builder()
			.build()
			.readValue(wordpress.runInSite("admin-checks.php").replaceAll("^[^{]*", ""), Map.class));

		assertThat(checks).containsEntry("editorStatus", 201).containsEntry("editorSavedFlag", true);
		assertThat((int) checks.get("visitorStatus")).isIn(401, 403);
		assertThat(checks).containsEntry("flagAfterVisitor", true)
			.containsEntry("settingsNonce", true)
			.containsEntry("settingsForVisitor", "")
			.containsEntry("badUrlKept", true)
			.containsEntry("badBenefitKept", true)
			.containsEntry("badWordsKept", true)
			.containsEntry("settingsErrors", List.of("service_url", "default_benefit", "teaser_words"));
		Page page = browser.desktop().newPage();
		Response marked = page.navigate((String) checks.get("editorPost"));
		assertThat(marked.text()).contains("Editor teaser.", "This article is for members")
			.doesNotContain("SECRET-EDITOR-PARAGRAPH");
	}

	private void pledgeFromTheBox(Page page, String option) {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Become a member")).click();
		page.getByLabel("Monthly").check();
		page.locator("input[value='" + option + "']").check();
		page.getByLabel("Email address").fill("wordpress-" + UUID.randomUUID() + "@example.org");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.locator("#card").fill("4242 4242 4242 4242");
		page.locator("button[type=submit]").click();
		assertThat(page.getByText("You are now a supporter")).isVisible();
	}

	/** What WordPress's server asked the service, from the site's start on. */
	private List<String> callsToTheService() {
		return wordpress.outgoingRequests().stream().filter((request) -> request.startsWith(url("/"))).toList();
	}

	private static void assertNoSecrets(APIResponse response) {
		assertThat(response.status()).as(response.url()).isEqualTo(200);
		assertThat(response.text()).as(response.url()).doesNotContain(SECRETS);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String base64url(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
