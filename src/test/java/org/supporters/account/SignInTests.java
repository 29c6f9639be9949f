package org.supporters.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers sign in with the mailed link or code, or straight after checkout. */
class SignInTests extends IntegrationTest {

	private static final Pattern CODE = Pattern.compile("code on the sign-in page: ([0-9]{6})");

	private static final Pattern LINK = Pattern.compile("(http://\\S+/sign-in/link\\?token=[A-Za-z0-9_-]+)");

	private static final Map<String, String> JSON = Map.of("Accept", "application/json");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void supporterSignsInWithTheMailedCodeAndSeesTheirAccount() {
		String email = supporter();
		Reader reader = new Reader(this.port);

		HttpResponse<String> asked = askForMail(reader, email);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Check your mail", email);
		TestMail.Received mail = TestMail.lastTo(email);
		assertThat(mail.subject()).startsWith("Your sign-in code: ");
		assertThat(mail.body()).containsPattern(LINK).contains("15 minutes");

		HttpResponse<String> signedIn = typeCode(reader, email, code(mail), asked.body());
		assertThat(Reader.location(signedIn)).endsWith("/account");
		HttpResponse<String> account = reader.get("/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(email, "You are a member", "Your next payment of €10.00 is on", "a month",
				"Sign out everywhere");
		assertThat(reader.get("/api/v1/membership", JSON).body()).contains("\"member\":true", "\"status\":\"active\"");
	}

	@Test
	void aMailScannerOpeningTheLinkDoesNotUseItUp() {
		String email = supporter();
		Reader reader = new Reader(this.port);
		askForMail(reader, email);
		String link = link(TestMail.lastTo(email));

		Reader scanner = new Reader(this.port);
		assertThat(scanner.get(link).body()).contains("Sign in as", email);
		assertThat(scanner.get(link).body()).contains("Sign in as");

		HttpResponse<String> confirmPage = reader.get(link);
		HttpResponse<String> confirmed = reader.post("/sign-in/link", confirmPage.body(), Map.of("token", token(link)));
		assertThat(Reader.location(confirmed)).endsWith("/account");
		assertThat(reader.get("/account").statusCode()).isEqualTo(200);
		assertThat(scanner.get("/account").statusCode()).as("the scanner is not signed in").isEqualTo(302);

		HttpResponse<String> again = reader.post("/sign-in/link", confirmPage.body(), Map.of("token", token(link)));
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("has been used already", "Send me a new link");
	}

	@Test
	void aUsedCodeSaysSoAndOffersANewOne() {
		String email = supporter();
		Reader reader = new Reader(this.port);
		HttpResponse<String> asked = askForMail(reader, email);
		String code = code(TestMail.lastTo(email));
		typeCode(reader, email, code, asked.body());

		Reader another = new Reader(this.port);
		HttpResponse<String> again = typeCode(another, email, code, another.get("/sign-in").body());
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("has been used already", "Send me a new code");
	}

	@Test
	void anExpiredLinkOrCodeSaysSoAndOffersANewOne() {
		String email = supporter();
		Reader reader = new Reader(this.port);
		HttpResponse<String> asked = askForMail(reader, email);
		TestMail.Received mail = TestMail.lastTo(email);
		// the 15 minutes have passed
		this.jdbc.update("""
				update sign_in_request set created_at = created_at - interval '16 minutes',
				expires_at = expires_at - interval '16 minutes' where lower(email) = lower(?)""", email);

		HttpResponse<String> link = reader.get(link(mail));
		assertThat(link.statusCode()).isEqualTo(410);
		assertThat(link.body()).contains("has expired", "Send me a new link");
		HttpResponse<String> code = typeCode(reader, email, code(mail), asked.body());
		assertThat(code.statusCode()).isEqualTo(422);
		assertThat(code.body()).contains("has expired", "Send me a new code");
		assertThat(reader.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void fiveWrongCodesUseTheSignInUp() {
		String email = supporter();
		Reader reader = new Reader(this.port);
		HttpResponse<String> asked = askForMail(reader, email);
		String code = code(TestMail.lastTo(email));
		String wrong = code.equals("000000") ? "111111" : "000000";

		HttpResponse<String> first = typeCode(reader, email, wrong, asked.body());
		assertThat(first.statusCode()).isEqualTo(422);
		assertThat(first.body()).contains("That code is not right");
		for (int i = 0; i < 4; i++) {
			typeCode(reader, email, wrong, asked.body());
		}

		HttpResponse<String> right = typeCode(reader, email, code, asked.body());
		assertThat(right.statusCode()).isEqualTo(422);
		assertThat(right.body()).contains("Too many wrong codes");
		assertThat(reader.get("/account").statusCode()).isEqualTo(302);
	}

	@Test
	void aNonSupporterGetsTheSameAnswerAndAMailSayingSo() {
		String supporter = supporter();
		String stranger = "stranger-" + UUID.randomUUID() + "@example.org";

		HttpResponse<String> forSupporter = askForMail(new Reader(this.port), supporter);
		HttpResponse<String> forStranger = askForMail(new Reader(this.port), stranger);

		assertThat(forStranger.statusCode()).isEqualTo(forSupporter.statusCode()).isEqualTo(200);
		assertThat(withoutVaryingParts(forStranger.body(), stranger))
			.isEqualTo(withoutVaryingParts(forSupporter.body(), supporter));
		TestMail.Received mail = TestMail.lastTo(stranger);
		assertThat(mail.body()).contains("no supporter uses it", "/support").doesNotContainPattern(CODE);
	}

	@Test
	void aWrongCodeGetsTheSameAnswerForASupporterAndForAnAddressNoSupporterUses() {
		String supporter = supporter();
		String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
		Reader supporterBrowser = new Reader(this.port);
		Reader strangerBrowser = new Reader(this.port);
		HttpResponse<String> supporterPage = askForMail(supporterBrowser, supporter);
		HttpResponse<String> strangerPage = askForMail(strangerBrowser, stranger);
		String wrong = code(TestMail.lastTo(supporter)).equals("000000") ? "111111" : "000000";

		long[] supporterTimes = new long[7];
		long[] strangerTimes = new long[7];
		for (int attempt = 0; attempt < supporterTimes.length; attempt++) {
			long supporterStart = System.nanoTime();
			HttpResponse<String> forSupporter = typeCode(supporterBrowser, supporter, wrong, supporterPage.body());
			supporterTimes[attempt] = System.nanoTime() - supporterStart;
			long strangerStart = System.nanoTime();
			HttpResponse<String> forStranger = typeCode(strangerBrowser, stranger, wrong, strangerPage.body());
			strangerTimes[attempt] = System.nanoTime() - strangerStart;

			assertThat(forStranger.statusCode()).as("attempt %d", attempt)
				.isEqualTo(forSupporter.statusCode())
				.isEqualTo(422);
			assertThat(withoutVaryingParts(forStranger.body(), stranger)).as("attempt %d", attempt)
				.isEqualTo(withoutVaryingParts(forSupporter.body(), supporter));
		}
		// the same work on both paths, no database round trip more or less: the typical
		// times are close (medians, as this machine is shared)
		assertThat(Math.abs(median(supporterTimes) - median(strangerTimes)))
			.isLessThan(Duration.ofMillis(100).toNanos());
	}

	private static long median(long[] times) {
		long[] sorted = times.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	@Test
	void aMalformedEmailGetsAClearMessageNextToTheField() {
		Reader reader = new Reader(this.port);
		for (String bad : List.of("", "not-an-email", "two@@example.org", "a b@example.org")) {
			HttpResponse<String> answer = askForMail(reader, bad);
			assertThat(answer.statusCode()).as(bad).isEqualTo(422);
			assertThat(answer.body()).contains("Enter your email address, like name@example.org.");
		}
	}

	@Test
	void mailsAreLimitedPerEmail() {
		String email = supporter();
		Reader reader = new Reader(this.port);
		for (int i = 0; i < SignIns.MAILS_PER_EMAIL; i++) {
			assertThat(askForMail(reader, email).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> tooMany = askForMail(reader, email.toUpperCase());
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.body()).contains("We have sent several sign-in mails already");
		assertThat(signInMailsTo(email)).isEqualTo(SignIns.MAILS_PER_EMAIL);
	}

	@Test
	void mailsAreLimitedPerClientAddress() {
		String address = "203.0.113." + (1 + new java.util.Random().nextInt(250));
		Reader fromOneAddress = new Reader(this.port).withHeader("X-Forwarded-For", address);
		String page = fromOneAddress.get("/sign-in").body();
		for (int i = 0; i < SignIns.MAILS_PER_ADDRESS; i++) {
			assertThat(
					fromOneAddress.post("/sign-in", page, Map.of("email", "many-" + UUID.randomUUID() + "@example.org"))
						.statusCode())
				.isEqualTo(200);
		}
		assertThat(fromOneAddress.post("/sign-in", page, Map.of("email", "many-" + UUID.randomUUID() + "@example.org"))
			.statusCode()).isEqualTo(429);
		assertThat(askForMail(new Reader(this.port), supporter()).statusCode()).as("another address").isEqualTo(200);
	}

	@Test
	void onlyHashesOfTheLinkAndCodeAreStored() {
		String email = supporter();
		askForMail(new Reader(this.port), email);
		TestMail.Received mail = TestMail.lastTo(email);

		String stored = this.jdbc.queryForObject("""
				select encode(link_hash, 'hex') || encode(code_hash, 'hex') || email
				from sign_in_request where lower(email) = lower(?)""", String.class, email);
		assertThat(stored).doesNotContain(code(mail)).doesNotContain(token(link(mail)));
		assertThat(this.jdbc.queryForObject("""
				select expires_at - created_at = interval '15 minutes' from sign_in_request
				where lower(email) = lower(?)""", Boolean.class, email)).isTrue();
	}

	@Test
	void aReaderIsSignedInRightAfterCheckoutWithoutAMail() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> thanks = pledgeAndPay(reader, email, "monthly", "tier:supporter");
		assertThat(thanks.body()).contains("You are signed in on this browser");

		assertThat(reader.get("/account").body()).contains(email, "You are a member");
		assertThat(signInMailsTo(email)).as("the welcome mail, and no sign-in mail").isZero();
		assertThat(thanks.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("SESSION="))
			.anyMatch((cookie) -> cookie.startsWith("supporters_membership="));

		String thanksUrl = thanks.uri().toString().replaceAll("\\?.*", "");
		Reader other = new Reader(this.port);
		assertThat(other.get(thanksUrl).statusCode()).isEqualTo(200);
		assertThat(other.get("/account").statusCode()).as("the thank-you page without the provider's signature")
			.isEqualTo(302);

		Reader replaying = new Reader(this.port);
		assertThat(replaying.get(thanks.uri().toString()).body()).contains("You are now a supporter");
		assertThat(replaying.get("/account").statusCode()).as("the signed return address, replayed elsewhere")
			.isEqualTo(302);
	}

	@Test
	void sessionsLiveInPostgreSQLAndSignOutEverywhereEndsThemAll() {
		String email = supporter();
		Reader laptop = signedIn(email);
		Reader phone = signedIn(email);
		String supporterId = supporterId(email);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				supporterId))
			.isGreaterThanOrEqualTo(2);

		String account = laptop.get("/account").body();
		HttpResponse<String> signedOut = laptop.post("/account/sign-out-everywhere", account, Map.of());
		assertThat(Reader.location(signedOut)).contains("/sign-in");
		assertThat(signedOut.headers().allValues("Set-Cookie"))
			.anyMatch((cookie) -> cookie.startsWith("supporters_membership=;") && cookie.contains("Max-Age=0"));

		assertThat(phone.get("/account").statusCode()).isEqualTo(302);
		assertThat(phone.get("/api/v1/membership", JSON).body()).contains("\"member\":false");
		assertThat(laptop.get("/account").statusCode()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				supporterId))
			.isZero();
	}

	@Test
	void aSessionsLastAccessIsWrittenAtMostOnceAMinute() {
		Reader reader = new Reader(this.port);
		String email = email();
		pledgeAndPay(reader, email, "monthly", "tier:supporter");
		String supporterId = supporterId(email);
		long signedInAt = lastAccess(supporterId);

		// the account page reads the session on every request (the membership check, once
		// its token is confirmed, reads none)
		for (int i = 0; i < 3; i++) {
			assertThat(reader.get("/account").statusCode()).isEqualTo(200);
		}
		assertThat(lastAccess(supporterId)).as("within the minute").isEqualTo(signedInAt);

		this.jdbc.update("update spring_session set last_access_time = last_access_time - 61000, "
				+ "expiry_time = expiry_time - 61000 where principal_name = ?", supporterId);
		assertThat(reader.get("/account").statusCode()).isEqualTo(200);
		assertThat(lastAccess(supporterId)).as("the stored time was a minute old").isGreaterThanOrEqualTo(signedInAt);
	}

	@Test
	void signOutEndsOnlyThisBrowsersSession() {
		String email = supporter();
		Reader laptop = signedIn(email);
		Reader phone = signedIn(email);

		laptop.post("/account/sign-out", laptop.get("/account").body(), Map.of());

		assertThat(laptop.get("/account").statusCode()).isEqualTo(302);
		assertThat(phone.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void theAccountPageAsksAnonymousReadersToSignIn() {
		HttpResponse<String> account = new Reader(this.port).get("/account");
		assertThat(account.statusCode()).isEqualTo(302);
		assertThat(Reader.location(account)).endsWith("/sign-in");
	}

	@Test
	void signInFormsNeedTheirCsrfToken() {
		HttpResponse<String> forged = new Reader(this.port).postRaw("/sign-in", Map.of("email", supporter()));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void theSandboxMailboxShowsTheMail() {
		String email = supporter();
		askForMail(new Reader(this.port), email);
		assertThat(new Reader(this.port).get("/dev/mailbox").body()).contains(email, "Your sign-in code");
	}

	private Reader signedIn(String email) {
		Reader reader = new Reader(this.port);
		HttpResponse<String> asked = askForMail(reader, email);
		assertThat(Reader.location(typeCode(reader, email, code(TestMail.lastTo(email)), asked.body())))
			.endsWith("/account");
		return reader;
	}

	private HttpResponse<String> askForMail(Reader reader, String email) {
		return reader.post("/sign-in", reader.get("/sign-in").body(), Map.of("email", email));
	}

	private HttpResponse<String> typeCode(Reader reader, String email, String code, String page) {
		return reader.post("/sign-in/code", page, Map.of("email", email, "code", code));
	}

	/** A supporter with a monthly pledge at the Supporter tier. */
	private String supporter() {
		String email = email();
		pledgeAndPay(new Reader(this.port), email, "monthly", "tier:supporter");
		return email;
	}

	static HttpResponse<String> pledgeAndPay(Reader reader, String email, String frequency, String option) {
		Map<String, String> form = new HashMap<>(Map.of("frequency", frequency, "option", option, "email", email));
		HttpResponse<String> paid = reader.pay(reader.pledge(form), "4242 4242 4242 4242");
		HttpResponse<String> thanks = reader.get(Reader.location(paid));
		assertThat(thanks.body()).contains("You are now a supporter");
		return thanks;
	}

	private long lastAccess(String supporterId) {
		return this.jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
				Long.class, supporterId);
	}

	private String supporterId(String email) {
		return this.jdbc.queryForObject("select id::text from supporter where lower(email) = lower(?)", String.class,
				email);
	}

	private static String email() {
		return "reader-" + UUID.randomUUID() + "@example.org";
	}

	private static String code(TestMail.Received mail) {
		Matcher matcher = CODE.matcher(mail.body());
		assertThat(matcher.find()).as("a code in: " + mail.body()).isTrue();
		return matcher.group(1);
	}

	private static String link(TestMail.Received mail) {
		Matcher matcher = LINK.matcher(mail.body());
		assertThat(matcher.find()).as("a link in: " + mail.body()).isTrue();
		return matcher.group(1);
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + 6);
	}

	private static String withoutVaryingParts(String page, String email) {
		return page.replace(email, "EMAIL").replaceAll("value=\"[^\"]*\"", "value=\"\"");
	}

	/** The sign-in mails to this address, leaving out the mails of their support. */
	private static long signInMailsTo(String email) {
		return TestMail.allTo(email).stream().filter((message) -> {
			try {
				String subject = message.getSubject();
				return subject.startsWith("Signing in") || subject.startsWith("Your sign-in code");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new AssertionError(ex);
			}
		}).count();
	}

}
