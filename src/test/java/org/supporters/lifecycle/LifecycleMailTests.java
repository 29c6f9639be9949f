package org.supporters.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.TestMail;
import org.supporters.supporter.Supporters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's life in the sandbox, moved on by its clock, as the mails they receive over
 * SMTP (GreenMail): what each says (amount, dates, the link to /account, HTML and text),
 * the update-card link that works without signing in, and nothing for an erased reader.
 */
class LifecycleMailTests extends IntegrationTest {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final Pattern CARD_LINK = Pattern.compile("http://localhost:\\d+/account/card/[A-Za-z0-9._-]+");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.supporters.payment.PaymentProvider provider;

	@Autowired
	SentMails sentMails;

	@Autowired
	Supporters supporters;

	@Autowired
	CardLinks cardLinks;

	@Test
	void failingCardIsToldOfEachFailedTryAndOfTheRecoveryWithANewCard() {
		String email = pledge("failing", "4000 0000 0000 0341", null);
		List<ReceivedMail> mails = mailsTo(email, 1);
		ReceivedMail welcome = mails.get(0);
		Instant paidAt = pledgeRow(email).get("created_at");
		Instant periodEnd = pledgeRow(email).get("current_period_end");
		assertThat(welcome.subject()).isEqualTo("Thank you for supporting Supporters");
		assertThat(welcome.from()).isEqualTo("Supporters <no-reply@localhost>");
		assertThat(welcome.text()).contains("We received your payment of €10.00 on " + DATE.format(paidAt),
				"the next payment of €10.00 is on " + DATE.format(periodEnd), "Membership: Supporter",
				"What it gives you: Members-only stories, Fewer requests for support",
				"cancel your support at any time", url("/account"));
		assertThat(welcome.html()).contains("€10.00", DATE.format(periodEnd), "href=\"" + url("/account") + "\"",
				"<th scope=\"row\"");

		advance(31);
		ReceivedMail failed = mailsTo(email, 2).get(1);
		assertThat(failed.subject()).isEqualTo("Your payment to Supporters did not go through");
		assertThat(failed.text()).contains("monthly payment of €10.00 on " + DATE.format(periodEnd),
				"You keep your membership while we try again, until " + DATE.format(periodEnd.plus(Duration.ofDays(7))),
				"We will try again on " + DATE.format(periodEnd.plus(Duration.ofDays(3))), "Update your card:",
				url("/account/card/"), url("/account"));
		assertThat(failed.html()).contains("Update your card</a>", "href=\"" + url("/account/card/"));

		advance(3);
		ReceivedMail retryFailed = mailsTo(email, 3).get(2);
		assertThat(retryFailed.subject()).isEqualTo("Your payment to Supporters did not go through");
		assertThat(retryFailed.text()).as("the provider retries on day 8: grace lasts a day past that")
			.contains("until " + DATE.format(periodEnd.plus(Duration.ofDays(9))));

		Reader anyone = new Reader(this.port);
		HttpResponse<String> opened = anyone.get(cardLink(retryFailed));
		assertThat(opened.statusCode()).isEqualTo(303);
		assertThat(Reader.location(opened)).startsWith(url("/sandbox/manage?"));
		String manage = anyone.get(Reader.location(opened)).body();
		assertThat(manage).contains("Your last payment failed", "Update card and pay now");
		Map<String, String> fields = hiddenFields(manage);
		HttpResponse<String> refused = anyone.post("/sandbox/manage/card", manage,
				Map.of("email", fields.get("email"), "signature", fields.get("signature"), "subscription",
						fields.get("subscription"), "card", "4000 0000 0000 0341"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("That card would fail too.");
		HttpResponse<String> updated = anyone.post("/sandbox/manage/card", manage,
				Map.of("email", fields.get("email"), "signature", fields.get("signature"), "subscription",
						fields.get("subscription"), "card", "4242 4242 4242 4242"));
		assertThat(anyone.get(Reader.location(updated)).body())
			.contains("Your card was updated and your payment went through.");

		ReceivedMail recovered = mailsTo(email, 4).get(3);
		assertThat(recovered.subject()).isEqualTo("Your payment to Supporters went through");
		assertThat(recovered.text()).contains("your payment of €10.00 to Supporters went through", url("/account"));
		assertThat(pledgeStatus(email)).isEqualTo("active");
		assertThat(this.sentMails.of(supporterId(email))).extracting(SentMail::kind)
			.containsExactly(MailKind.WELCOME, MailKind.PAYMENT_FAILED, MailKind.PAYMENT_FAILED, MailKind.RECOVERED);
		assertThat(this.sentMails.of(supporterId(email))).allSatisfy((mail) -> assertThat(mail.sentAt()).isNotNull());
	}

	@Test
	void retriesRunningOutEndTheMembershipWithAKindMail() {
		String email = pledge("ending", "4000 0000 0000 0341", null);

		advance(31);
		advance(20);

		List<ReceivedMail> mails = mailsTo(email, 5);
		assertThat(mails).extracting(ReceivedMail::subject)
			.containsExactly("Thank you for supporting Supporters", "Your payment to Supporters did not go through",
					"Your payment to Supporters did not go through", "Your payment to Supporters did not go through",
					"Your membership of Supporters has ended");
		ReceivedMail ended = mails.get(4);
		assertThat(ended.text()).contains("We could not take your payment after several tries",
				"nothing more will be charged", "Support Supporters again:", url("/support"), url("/account"));
		assertThat(ended.html()).contains("href=\"" + url("/support") + "\"");
		assertThat(pledgeStatus(email)).isEqualTo("canceled");
	}

	/**
	 * The closing note's life: first payment, two renewals, a failure, a recovery, a
	 * cancel, the end. The outbox rows it produced are written to
	 * target/lifecycle-mails-of-one-life.txt.
	 */
	@Test
	void oneReadersWholeLifeIsOneMailForEachStep() throws IOException {
		String email = pledge("life", "4242 4242 4242 4242", null);
		advance(31);
		advance(31);
		// the card expires: the next renewals fail
		this.jdbc.update("""
				update sandbox_subscription set fails_renewals = true
				where session_id in (select id from sandbox_session where email = ?)""", email);
		// past the failing renewal, and before its first retry three days later; counted
		// from
		// the period's end, since other tests move the shared sandbox clock by any amount
		Instant renewal = pledgeRow(email).get("current_period_end");
		advance((int) Duration.between(this.clock.instant(), renewal).toDays() + 1);
		ReceivedMail failed = mailsTo(email, 4).get(3);

		Reader reader = new Reader(this.port);
		String manage = reader.get(Reader.location(reader.get(cardLink(failed)))).body();
		Map<String, String> fields = hiddenFields(manage);
		reader.post("/sandbox/manage/card", manage, withCard(fields, "4242424242424242"));
		String manageAgain = reader.get(this.provider.manageUrl(email).orElseThrow().toString()).body();
		HttpResponse<String> confirm = reader.get("/sandbox/manage/cancel?" + query(hiddenFields(manageAgain)));
		assertThat(confirm.body()).contains("Cancel your support?", "No, keep my support");
		assertThat(this.jdbc.queryForObject(
				"select p.cancel_at_period_end from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				Boolean.class, email))
			.as("not before the confirmation")
			.isFalse();
		reader.post("/sandbox/manage/cancel", confirm.body(), hiddenFields(confirm.body()));
		advance(31);

		assertThat(this.sentMails.of(supporterId(email))).extracting(SentMail::kind)
			.containsExactly(MailKind.WELCOME, MailKind.RENEWAL_RECEIPT, MailKind.RENEWAL_RECEIPT,
					MailKind.PAYMENT_FAILED, MailKind.RECOVERED, MailKind.CANCELED, MailKind.ENDED);
		List<ReceivedMail> mails = mailsTo(email, 7);
		assertThat(mails.get(1).text()).contains("We received your payment of €10.00 on", "Next payment:");
		assertThat(mails.get(5).subject()).isEqualTo("Your support of Supporters is canceled");
		Instant endsAt = pledgeRow(email).get("current_period_end");
		assertThat(mails.get(5).text()).contains("You keep your membership until " + DATE.format(endsAt),
				"resume your support in your account any time before " + DATE.format(endsAt));
		assertThat(mails.get(6).text()).contains("has ended, as you asked");

		List<String> rows = this.jdbc.query(
				"select recipient, subject, created_at from mail_outbox where recipient = ? order by id",
				(row, i) -> row.getString(1) + " | " + row.getString(2) + " | " + row.getTimestamp(3).toInstant(),
				email);
		assertThat(rows).hasSize(7);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "lifecycle-mails-of-one-life.txt"), rows);
	}

	@Test
	void theUpdateCardLinkExpiresAfterTwoWeeksAndAnsweredWithWhatToDo() {
		String email = pledge("expiring", "4242 4242 4242 4242", null);
		String link = this.cardLinks.linkFor(supporterId(email));
		assertThat(new Reader(this.port).get(link).statusCode()).isEqualTo(303);

		advance(15);

		HttpResponse<String> expired = new Reader(this.port).get(link);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired", "Sign in to your account", "href=\"/account\"");
	}

	@Test
	void aTamperedOrCutUpdateCardLinkOpensNothingAndSaysWhatToDo() {
		String email = pledge("tampered", "4242 4242 4242 4242", null);
		String link = this.cardLinks.linkFor(supporterId(email));
		String otherReader = link.replace(supporterId(email).toString(), UUID.randomUUID().toString());
		String laterExpiry = link.replaceFirst("\\.(\\d+)\\.", ".9$1.");
		String cut = link.substring(0, link.length() - 5);

		for (String bad : List.of(otherReader, laterExpiry, cut, url("/account/card/x"))) {
			HttpResponse<String> answer = new Reader(this.port).get(bad);
			assertThat(answer.statusCode()).as(bad).isEqualTo(404);
			assertThat(answer.body()).as(bad).contains("This link does not work", "Sign in to your account");
		}
	}

	@Test
	void staffSeeOnTheSupportersPageWhichMailsWereSentAndWhen() {
		String email = pledge("staff-sees", "4242 4242 4242 4242", null);
		mailsTo(email, 1);
		SentMail welcome = this.sentMails.of(supporterId(email)).get(0);

		String page = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.get("/staff/supporters/" + supporterId(email))
			.body();

		assertThat(page).contains("Mails sent", "Welcome and receipt", welcome.createdAt().toString(),
				"sent " + welcome.sentAt());
	}

	@Test
	void anErasedReaderIsSentNothingMore() {
		String email = pledge("erased", "4242 4242 4242 4242", null);
		Reader reader = new Reader(this.port);
		String manage = reader.get(this.provider.manageUrl(email).orElseThrow().toString()).body();
		reader.post("/sandbox/manage/cancel", manage, hiddenFields(manage));
		assertThat(mailsTo(email, 2).get(1).subject()).isEqualTo("Your support of Supporters is canceled");
		UUID supporterId = supporterId(email);
		Reader signedIn = this.signedIn.get(email);
		HttpResponse<String> erased = signedIn.post("/account/erase", signedIn.get("/account").body(),
				Map.of("confirm", "yes"));
		assertThat(erased.statusCode()).isEqualTo(302);

		advance(32);

		assertThat(
				this.jdbc.queryForObject("select status from pledge where supporter_id = ?", String.class, supporterId))
			.isEqualTo("canceled");
		assertThat(TestMail.countTo(email)).as("the cancel's mail and no other").isEqualTo(2);
		assertThat(TestMail.countTo(org.supporters.platform.ReaderErased.pseudonymOf(supporterId))).isZero();
		assertThat(this.sentMails.of(supporterId)).extracting(SentMail::kind)
			.containsExactly(MailKind.WELCOME, MailKind.CANCELED);
		assertThat(this.jdbc.queryForObject("select count(*) from reader_locale where lower(email) = lower(?)",
				Long.class, email))
			.isZero();
	}

	@Test
	void mailsSpeakTheLanguageTheReaderPledgedInWhenThereAreWordsForIt() {
		String esperanto = pledge("esperanto", "4242 4242 4242 4242", "eo, en;q=0.5");
		String german = pledge("german", "4242 4242 4242 4242", "de-DE,de;q=0.9");

		assertThat(mailsTo(esperanto, 1).get(0).subject()).isEqualTo("Dankon pro via subteno al Supporters");
		assertThat(mailsTo(esperanto, 1).get(0).text()).as("words the bundle lacks come from English")
			.contains("cancel your support at any time");
		assertThat(mailsTo(german, 1).get(0).subject()).isEqualTo("Danke, dass Sie Supporters unterstützen");
		assertThat(this.jdbc.queryForObject("select locale from reader_locale where lower(email) = lower(?)",
				String.class, german))
			.as("the language the reader's pages were written in")
			.isEqualTo("de-DE");
	}

	private final Map<String, Reader> signedIn = new HashMap<>();

	/** A reader pledges monthly at the Supporter tier and pays with this card. */
	private String pledge(String name, String card, String acceptLanguage) {
		String email = name + "-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		if (acceptLanguage != null) {
			reader.withHeader("Accept-Language", acceptLanguage);
		}
		HttpResponse<String> paid = reader
			.pay(reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email)), card);
		reader.get(Reader.location(paid));
		this.signedIn.put(email, reader);
		return email;
	}

	/** Moves the sandbox clock on its page, which runs the renewals that fall due. */
	private void advance(int days) {
		Reader person = new Reader(this.port);
		HttpResponse<String> moved = person.post("/sandbox/clock", person.get("/sandbox/clock").body(),
				Map.of("days", String.valueOf(days)));
		assertThat(moved.statusCode()).isEqualTo(302);
	}

	/** The mails to this address, once there are this many. */
	private static List<ReceivedMail> mailsTo(String email, int count) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (TestMail.countTo(email) < count && Instant.now().isBefore(deadline)) {
			sleep();
		}
		List<ReceivedMail> mails = TestMail.allTo(email).stream().map(ReceivedMail::of).toList();
		assertThat(mails).as("mails to " + email).hasSize(count);
		return mails;
	}

	private static String cardLink(ReceivedMail mail) {
		Matcher matcher = CARD_LINK.matcher(mail.text());
		assertThat(matcher.find()).as("an update-card link in the mail").isTrue();
		return matcher.group();
	}

	private Map<String, Instant> pledgeRow(String email) {
		Map<String, Object> row = this.jdbc.queryForMap("""
				select p.created_at, p.current_period_end, p.cancel_at_period_end from pledge p
				join supporter s on s.id = p.supporter_id where s.email = ?""", email);
		Map<String, Instant> instants = new HashMap<>();
		row.forEach((key, value) -> {
			if (value instanceof Timestamp timestamp) {
				instants.put(key, timestamp.toInstant());
			}
		});
		return instants;
	}

	private String pledgeStatus(String email) {
		return this.jdbc.queryForObject(
				"select p.status from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				String.class, email);
	}

	private UUID supporterId(String email) {
		return this.supporters.idOf(email).orElseThrow();
	}

	private static Map<String, String> hiddenFields(String page) {
		Matcher matcher = HIDDEN.matcher(page);
		Map<String, String> fields = new HashMap<>();
		while (matcher.find()) {
			if (!"_csrf".equals(matcher.group(1))) {
				fields.put(matcher.group(1), matcher.group(2).replace("&#64;", "@"));
			}
		}
		return fields;
	}

	private static Map<String, String> withCard(Map<String, String> fields, String card) {
		Map<String, String> form = new HashMap<>(fields);
		form.put("card", card);
		return form;
	}

	private static String query(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "="
					+ java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
