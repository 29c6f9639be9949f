package org.supporters;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way in (the support page, the thank-you page, sign-in by code and by link) takes
 * {@code ?return=<URL>} and leads back there, but only to the service's own origin or a
 * site origin: anything else is ignored, without an error page.
 */
class ReturnToArticleTests extends IntegrationTest {

	private static final String ARTICLE = SITE_ORIGIN + "/2026/12/the-river?utm=x&page=2#comments";

	private static final Pattern CODE = Pattern.compile("code on the sign-in page: ([0-9]{6})");

	private static final Pattern LINK = Pattern.compile("(http://\\S+/sign-in/link\\?\\S+)");

	/** Addresses an attacker could put in a link to the service. */
	static Stream<String> foreign() {
		return Stream.of("//evil.example/phish", "///evil.example/", "/\\evil.example/", "\\\\evil.example",
				"https://evil.example/", "https://news.example.com.evil.example/",
				"https://news.example.com@evil.example/", "https://evil.example\\@news.example.com/",
				"http://news.example.com/", "https://news.example.com:8443/", "javascript:alert(document.cookie)",
				"JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
				"%2F%2Fevil.example", "https:%2F%2Fevil.example", "/%2F%2Fevil.example", "https://evil%2Eexample/",
				" https://evil.example/", "https://news.example.com/\r\nSet-Cookie:x=1", "https://ñews.example.com/",
				"ftp://news.example.com/", "https://news.example.com/" + "a".repeat(2000));
	}

	@Test
	void aReaderWhoPledgesFromAnArticleIsLedBackToItFromTheThankYouPage() {
		Reader reader = new Reader(this.port);
		String email = email();

		HttpResponse<String> support = reader.get("/support?return=" + encode(ARTICLE));
		assertThat(support.body()).contains("name=\"return\" value=\"" + ARTICLE.replace("&", "&amp;") + "\"");
		HttpResponse<String> thanks = pledgeAndPay(reader, support.body(), email, ARTICLE);

		assertThat(thanks.body()).contains("You are now a supporter",
				"href=\"" + ARTICLE.replace("&", "&amp;") + "\">Continue reading</a>");
	}

	@Test
	void aReaderWhoCancelsAtTheProviderKeepsTheWayBack() {
		Reader reader = new Reader(this.port);
		HttpResponse<String> support = reader.get("/support?return=" + encode(ARTICLE));
		HttpResponse<String> toCheckout = reader.post("/support", support.body(),
				form(support.body(), email(), ARTICLE));
		String checkoutPage = reader.get(Reader.location(toCheckout)).body();
		Matcher cancelLink = Pattern.compile("href=\"([^\"]*/support\\?checkout=[^\"]+)\"").matcher(checkoutPage);
		assertThat(cancelLink.find()).as("a cancel link on the sandbox page").isTrue();

		String canceled = reader.get(cancelLink.group(1)).body();

		assertThat(canceled).contains("name=\"return\" value=\"" + ARTICLE.replace("&", "&amp;") + "\"");
	}

	@Test
	void theThankYouPageTakesAReturnOfItsOwn() {
		Reader reader = new Reader(this.port);
		HttpResponse<String> support = reader.get("/support");
		HttpResponse<String> thanks = pledgeAndPay(reader, support.body(), email(), null);
		assertThat(thanks.body()).doesNotContain("Continue reading");
		String thanksUrl = thanks.uri().toString();

		String withReturn = reader.get(thanksUrl + "&return=" + encode(ARTICLE)).body();

		assertThat(withReturn).contains("href=\"" + ARTICLE.replace("&", "&amp;") + "\">Continue reading</a>");
	}

	@Test
	void aSupporterWhoSignsInWithTheCodeFromAnArticleLandsOnIt() {
		String email = supporter();
		Reader reader = new Reader(this.port).withHeader("X-Forwarded-For", clientAddress());
		String page = reader.get("/sign-in?return=" + encode(ARTICLE)).body();
		assertThat(page).contains("name=\"return\" value=\"" + ARTICLE.replace("&", "&amp;") + "\"");

		HttpResponse<String> asked = reader.post("/sign-in", page, Map.of("email", email, "return", ARTICLE));
		assertThat(asked.body()).contains("Check your mail", "name=\"return\"");
		HttpResponse<String> signedIn = reader.post("/sign-in/code", asked.body(),
				Map.of("email", email, "code", code(TestMail.lastTo(email)), "return", ARTICLE));

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(Reader.location(signedIn)).isEqualTo(ARTICLE);
	}

	@Test
	void theMailedLinkCarriesTheReturnAndLandsOnTheArticle() {
		String email = supporter();
		Reader reader = new Reader(this.port).withHeader("X-Forwarded-For", clientAddress());
		String page = reader.get("/sign-in?return=" + encode(ARTICLE)).body();
		reader.post("/sign-in", page, Map.of("email", email, "return", ARTICLE));
		String link = link(TestMail.lastTo(email));
		assertThat(link).contains("&return=" + encode(ARTICLE));

		HttpResponse<String> confirm = reader.get(link);
		assertThat(confirm.body()).contains("Sign in as", "name=\"return\"");
		HttpResponse<String> signedIn = reader.post("/sign-in/link", confirm.body(),
				Map.of("token", link.replaceAll(".*token=([^&]+).*", "$1"), "return", ARTICLE));

		assertThat(Reader.location(signedIn)).isEqualTo(ARTICLE);
	}

	@Test
	void aReaderWhoIsNotASupporterYetIsMailedAWayToBecomeOneThatReturnsToTheArticle() {
		String email = email();
		Reader reader = new Reader(this.port).withHeader("X-Forwarded-For", clientAddress());
		String page = reader.get("/sign-in?return=" + encode(ARTICLE)).body();

		reader.post("/sign-in", page, Map.of("email", email, "return", ARTICLE));

		assertThat(TestMail.lastTo(email).body()).contains(url("/support?return=") + encode(ARTICLE));
	}

	@Test
	void aPathOnTheServiceIsItsOwnOrigin() {
		String email = supporter();
		Reader reader = new Reader(this.port).withHeader("X-Forwarded-For", clientAddress());
		String page = reader.get("/sign-in?return=%2Fdemo%2Farticle").body();
		assertThat(page).contains("value=\"" + url("/demo/article") + "\"");
		HttpResponse<String> asked = reader.post("/sign-in", page, Map.of("email", email, "return", "/demo/article"));
		HttpResponse<String> signedIn = reader.post("/sign-in/code", asked.body(),
				Map.of("email", email, "code", code(TestMail.lastTo(email)), "return", "/demo/article"));

		assertThat(Reader.location(signedIn)).isEqualTo(url("/demo/article"));
	}

	@ParameterizedTest
	@MethodSource("foreign")
	void aForeignReturnOnTheSupportPageIsIgnoredWithoutAnError(String foreign) {
		Reader reader = new Reader(this.port);

		HttpResponse<String> support = reader.get("/support?return=" + encode(foreign));
		assertThat(support.statusCode()).isEqualTo(200);
		assertThat(support.body()).doesNotContain("name=\"return\"");
		HttpResponse<String> thanks = pledgeAndPay(reader, support.body(), email(), foreign);

		assertThat(thanks.statusCode()).isEqualTo(200);
		assertThat(thanks.body()).contains("You are now a supporter").doesNotContain("Continue reading");
		assertThat(reader.get(thanks.uri() + "&return=" + encode(foreign)).body()).contains("You are now a supporter")
			.doesNotContain("Continue reading");
	}

	@ParameterizedTest
	@MethodSource("foreign")
	void aForeignReturnOnSignInIsIgnoredAndTheReaderLandsOnTheirAccount(String foreign) {
		String email = supporter();
		Reader reader = new Reader(this.port).withHeader("X-Forwarded-For", clientAddress());

		HttpResponse<String> page = reader.get("/sign-in?return=" + encode(foreign));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("name=\"return\"");
		HttpResponse<String> asked = reader.post("/sign-in", page.body(), Map.of("email", email, "return", foreign));
		assertThat(asked.statusCode()).isEqualTo(200);
		String link = link(TestMail.lastTo(email));
		assertThat(link).doesNotContain("return");
		assertThat(reader.get(link + "&return=" + encode(foreign)).body()).contains("Sign in as")
			.doesNotContain("name=\"return\"");
		HttpResponse<String> signedIn = reader.post("/sign-in/code", asked.body(),
				Map.of("email", email, "code", code(TestMail.lastTo(email)), "return", foreign));

		assertThat(Reader.location(signedIn)).isEqualTo(url("/account"));
	}

	@ParameterizedTest
	@MethodSource("foreign")
	void aForeignReturnWithTheMailedLinkIsIgnored(String foreign) {
		String email = supporter();
		Reader reader = new Reader(this.port).withHeader("X-Forwarded-For", clientAddress());
		String page = reader.get("/sign-in").body();
		reader.post("/sign-in", page, Map.of("email", email));
		String link = link(TestMail.lastTo(email));
		HttpResponse<String> confirm = reader.get(link);

		HttpResponse<String> signedIn = reader.post("/sign-in/link", confirm.body(),
				Map.of("token", link.replaceAll(".*token=([^&]+).*", "$1"), "return", foreign));

		assertThat(Reader.location(signedIn)).isEqualTo(url("/account"));
	}

	private String supporter() {
		String email = email();
		Reader reader = new Reader(this.port);
		pledgeAndPay(reader, reader.get("/support").body(), email, null);
		return email;
	}

	private static HttpResponse<String> pledgeAndPay(Reader reader, String supportPage, String email,
			String returnUrl) {
		HttpResponse<String> toCheckout = reader.post("/support", supportPage, form(supportPage, email, returnUrl));
		HttpResponse<String> paid = reader.pay(toCheckout, "4242 4242 4242 4242");
		return reader.get(Reader.location(paid));
	}

	private static Map<String, String> form(String supportPage, String email, String returnUrl) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("frequency", "monthly");
		form.put("option", "tier:supporter");
		form.put("email", email);
		form.put("attempt", Reader.attemptToken(supportPage));
		if (returnUrl != null) {
			form.put("return", returnUrl);
		}
		return form;
	}

	private static String code(TestMail.Received mail) {
		Matcher matcher = CODE.matcher(mail.body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String link(TestMail.Received mail) {
		Matcher matcher = LINK.matcher(mail.body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String email() {
		return "return-" + UUID.randomUUID() + "@example.org";
	}

	private static String clientAddress() {
		return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
