package org.supporters.lifecycle;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.TestMail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers in their language: a German browser gets German pages with euro amounts and
 * dates as Germans write them, from the support page through the sandbox checkout to the
 * thank-you page and the welcome mail (GreenMail; here for its mail fixture); the switch
 * on every reader page is remembered; a header no browser sends gets English, never an
 * error.
 */
class LanguagesBrowserTests extends IntegrationTest {

	/** "10,00 €" as German writes it: a no-break space before the sign. */
	private static final String TEN_EUROS = "10,00\u00a0€";

	private static final Pattern GERMAN_DATE = Pattern
		.compile("\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) "
				+ "\\d{4}");

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void germanReaderPledgesInGermanAndGetsTheGermanWelcomeMail() {
		String email = "leserin-" + UUID.randomUUID() + "@example.org";
		Page page = browser
			.context(new NewContextOptions().setExtraHTTPHeaders(Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")))
			.newPage();
		assertThat(page.navigate(url("/support")).status()).isEqualTo(200);
		assertThat(page.locator("html")).hasAttribute("lang", "de");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Unterstützen Sie unseren Journalismus");
		assertThat(page.locator("[data-tier=supporter] [data-interval=monthly]")).hasText(TEN_EUROS + " im Monat");
		assertThat(page.getByLabel("Betrag (€)")).isVisible();

		page.getByLabel("Monatlich", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Supporter\\b"))).check();
		page.getByLabel("E-Mail-Adresse").fill("kein-at-zeichen");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weiter zur Zahlung")).click();
		// next to the field, and in the summary above the form
		assertThat(page.locator("#email-error")).hasText("Geben Sie eine E-Mail-Adresse wie name@example.com ein.");
		assertThat(page.getByRole(AriaRole.ALERT))
			.containsText("Geben Sie eine E-Mail-Adresse wie name@example.com ein.");

		page.getByLabel("E-Mail-Adresse").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weiter zur Zahlung")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "de");
		assertThat(page.getByText("Testmodus.")).isVisible();
		page.getByLabel("Kartennummer").fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Bezahlen: 10,00\\s€")))
			.click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Vielen Dank!");
		assertThat(page.getByText("Sie unterstützen uns jetzt.")).isVisible();
		assertThat(page.locator(".pledged"))
			.hasText("Ihre Unterstützung: " + TEN_EUROS + " monatlich in der Stufe „Supporter“.");

		ReceivedMail welcome = mailTo(email);
		assertThat(welcome.subject()).isEqualTo("Danke, dass Sie Supporters unterstützen");
		assertThat(welcome.text()).contains("Ihre Zahlung über " + TEN_EUROS + " ist am", "Mitgliedschaft: Supporter",
				"In Ihrem Konto können Sie");
		assertThat(GERMAN_DATE.matcher(welcome.text()).find()).as("a date as German writes it").isTrue();
		assertThat(welcome.html()).contains("lang=\"de-DE\"");
	}

	@Test
	void theSwitchOnAReaderPageIsRememberedAndTakesOnlyLanguagesTheServiceSpeaks() {
		Page page = browser
			.context(new NewContextOptions().setExtraHTTPHeaders(Map.of("Accept-Language", "en-US,en;q=0.9")))
			.newPage();
		page.navigate(url("/support?utm_source=newsletter"));
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("[data-tier=supporter] [data-interval=monthly]")).hasText("€10.00 a month");

		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"))
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Deutsch"))
			.click();
		assertThat(page).hasURL(Pattern.compile(".*/support\\?utm_source=newsletter&lang=de$"));
		assertThat(page.locator("html")).hasAttribute("lang", "de");
		assertThat(page.locator("[data-tier=supporter] [data-interval=monthly]")).hasText(TEN_EUROS + " im Monat");
		Cookie remembered = page.context()
			.cookies()
			.stream()
			.filter((cookie) -> cookie.name.equals("supporters_lang"))
			.findFirst()
			.orElseThrow();
		assertThat(remembered.value).isEqualTo("de");
		assertThat(remembered.sameSite).isEqualTo(SameSiteAttribute.LAX);
		assertThat(remembered.httpOnly).isTrue();

		page.navigate(url("/sign-in"));
		assertThat(page.locator("html")).hasAttribute("lang", "de");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Anmelden");

		assertThat(page.navigate(url("/sign-in?lang=xx")).status()).isEqualTo(200);
		// a language the service does not speak changes nothing
		assertThat(page.locator("html")).hasAttribute("lang", "de");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		page.navigate(url("/nowhere"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("We could not find that page");
	}

	@Test
	void malformedOrEnormousAcceptLanguageGetsEnglishWithoutAnError() {
		List<String> headers = List.of(";;;,,,q=", "de;q=abc", "de;q=0", "*", "x-", "ü-DE", "de-DE,".repeat(1000),
				"de" + "-abcdefgh".repeat(500), "q=0.5;de");
		for (String header : headers) {
			Reader reader = new Reader(this.port);
			HttpResponse<String> page = reader.get("/support", Map.of("Accept-Language", header));
			assertThat(page.statusCode()).as(header).isEqualTo(200);
			assertThat(page.body()).as(header).contains("<html lang=\"en\">", "Support our journalism", "€10.00");
		}
		HttpResponse<String> french = new Reader(this.port).get("/support",
				Map.of("Accept-Language", "fr-FR,fr;q=0.9,de;q=0.8"));
		assertThat(french.body()).as("the first language the service speaks").contains("<html lang=\"de\">", TEN_EUROS);
	}

	@Test
	void membersJsSpeaksThePagesLanguageUnlessTheScriptSaysOtherwise() {
		Page page = browser.desktop().newPage();
		page.route(url("/zeitung/artikel"),
				(route) -> route.fulfill(
						new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/html; charset=utf-8")
							.setBody("<!DOCTYPE html><html lang=\"de-DE\"><body><p>Ein Artikel.</p>"
									+ "<script src=\"/embed/members.js\"></script></body></html>")));
		page.navigate(url("/zeitung/artikel"));
		assertThat(page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Unterstützen Sie unseren Journalismus")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Anmelden"))).isVisible();

		page.route(url("/zeitung/english"),
				(route) -> route.fulfill(
						new com.microsoft.playwright.Route.FulfillOptions().setContentType("text/html; charset=utf-8")
							.setBody("<!DOCTYPE html><html lang=\"de\"><body><p>An article.</p>"
									+ "<script src=\"/embed/members.js\" data-lang=\"en\"></script></body></html>")));
		page.navigate(url("/zeitung/english"));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Support our journalism")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
	}

	private static ReceivedMail mailTo(String email) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (TestMail.countTo(email) < 1 && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		List<ReceivedMail> mails = TestMail.allTo(email).stream().map(ReceivedMail::of).toList();
		assertThat(mails).as("mails to " + email).hasSize(1);
		return mails.get(0);
	}

}
