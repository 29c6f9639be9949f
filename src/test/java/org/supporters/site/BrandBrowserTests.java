package org.supporters.site;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.StaffMember;
import org.supporters.TestMail;
import org.supporters.lifecycle.ReceivedMail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication's brand, set by an admin, as a reader meets it in Chromium on the
 * support, checkout, thank-you and account pages, and in the welcome mail (GreenMail);
 * benefits and tiers in words on each.
 */
class BrandBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void neutralAgain() {
		this.jdbc.update("delete from site_brand");
	}

	@Test
	void aReaderSeesThePublicationsBrandFromTheSupportPageToTheirAccountAndMail() throws Exception {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String sitePage = admin.get("/staff/admin/site").body();
		assertThat(admin.reader()
			.postFile("/staff/admin/site", sitePage, SiteAdminTests.brandForm(), "logo", "logo.png", Logos.png())
			.statusCode()).isEqualTo(302);
		String email = "brand-" + UUID.randomUUID() + "@example.org";

		Page page = browser.desktop().newPage();
		page.navigate(url("/support"));
		assertBranded(page);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Support The Example Times");
		assertThat(page.getByText("Every story we publish is paid for by readers.")).isVisible();
		Locator supporter = page.locator("[data-tier=supporter]");
		assertThat(supporter.locator(".benefit"))
			.hasText(new String[] { "Members-only stories", "Fewer requests for support" });
		page.getByLabel("Yearly", new Page.GetByLabelOptions().setExact(true)).check();
		assertThat(supporter.locator(".saving")).hasText(Pattern.compile("save €20\\.00 a year"));
		page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true)).check();
		supporter.getByRole(AriaRole.RADIO).check();
		page.getByLabel("Email address").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();

		assertBranded(page);
		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay €"))).click();

		assertThat(page.getByText("You are now a supporter")).isVisible();
		assertBranded(page);
		assertThat(page.getByText("You pledged")).containsText("at the Supporter tier");
		assertThat(page.locator(".benefits li"))
			.hasText(new String[] { "Members-only stories: Read the stories we write for our members.",
					"Fewer requests for support: We ask you less often to support us." });

		page.navigate(url("/account"));
		assertBranded(page);
		assertThat(page.locator(".membership-tier")).hasText("Supporter");
		assertThat(page.locator(".benefits .benefit-label"))
			.hasText(new String[] { "Members-only stories", "Fewer requests for support" });

		TestMail.lastTo(email);
		ReceivedMail welcome = ReceivedMail.of(TestMail.allTo(email).get(0));
		assertThat(welcome.subject()).isEqualTo("Thank you for supporting The Example Times");
		assertThat(welcome.from()).isEqualTo("The Example Times <no-reply@localhost>");
		String logo = (String) page.locator(".site-header img.brand-logo").getAttribute("src");
		assertThat(welcome.html()).contains("src=\"" + url(logo) + "\"", "href=\"https://www.example.com/\"",
				"color:#7a1f2b;", "href=\"https://www.example.com/privacy\"", "href=\"https://www.example.com/terms\"",
				"href=\"mailto:desk@example.com\"", "Members-only stories, Fewer requests for support");
		assertThat(welcome.text()).contains("Visit The Example Times: https://www.example.com/",
				"Privacy policy: https://www.example.com/privacy", "Terms: https://www.example.com/terms",
				"Contact: mailto:desk@example.com");
		assertThat(this.jdbc.queryForObject("select count(*) from supporter where lower(email) = ?", Long.class, email))
			.isEqualTo(1);
	}

	/** The header's name, logo and colour, and the footer's links. */
	private static void assertBranded(Page page) {
		Locator brand = page.locator(".site-header a.brand");
		assertThat(brand).hasText("The Example Times");
		assertThat(brand).hasAttribute("href", "https://www.example.com/");
		Locator logo = brand.locator("img.brand-logo");
		assertThat(logo).isVisible();
		assertThat(((Number) logo.evaluate("image => image.naturalWidth")).intValue()).as("the logo loaded")
			.isEqualTo(120);
		assertThat(page.locator(".site-header")).hasCSS("background-color", "rgb(122, 31, 43)");
		Locator footer = page.getByRole(AriaRole.CONTENTINFO);
		assertThat(footer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Privacy policy")))
			.hasAttribute("href", "https://www.example.com/privacy");
		assertThat(footer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Terms")))
			.hasAttribute("href", "https://www.example.com/terms");
		assertThat(footer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Contact")))
			.hasAttribute("href", "mailto:desk@example.com");
		assertThat(page).hasTitle(Pattern.compile(".* · The Example Times$"));
	}

}
