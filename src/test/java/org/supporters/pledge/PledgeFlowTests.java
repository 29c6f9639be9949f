package org.supporters.pledge;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.TierChange;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader pledges over HTTP, pays on the sandbox and comes back a supporter. */
class PledgeFlowTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Catalog catalog;

	@Test
	void monthlyTierPledgePaidWith4242MakesAnActiveSupporterAtOnce() {
		Reader reader = new Reader(this.port);
		String email = email();

		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:supporter", email));
		assertThat(toCheckout.statusCode()).isEqualTo(302);
		assertThat(Reader.location(toCheckout)).startsWith(url("/sandbox/checkout/cs_sbx_"));

		HttpResponse<String> paid = reader.pay(toCheckout, "4242 4242 4242 4242");
		assertThat(Reader.location(paid)).startsWith(url("/support/thanks/"));
		HttpResponse<String> thanks = reader.get(Reader.location(paid));
		assertThat(thanks.statusCode()).isEqualTo(200);
		assertThat(thanks.body()).contains("You are now a supporter", "€10.00", "monthly", "Supporter tier");

		assertThat(this.jdbc.queryForMap("""
				select p.status, p.kind, p.billing_interval, p.amount_minor, t.slug
				from pledge p join supporter s on s.id = p.supporter_id join tier t on t.id = p.tier_id
				where s.email = ?""", email)).containsEntry("status", "active")
			.containsEntry("kind", "recurring")
			.containsEntry("billing_interval", "month")
			.containsEntry("amount_minor", 1000L)
			.containsEntry("slug", "supporter");
		assertThat(paymentStatuses(email)).containsExactly("succeeded");
	}

	@Test
	void theSandboxCheckoutLineIsWordedInThePagesLanguage() {
		Reader reader = new Reader(this.port);
		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:supporter", email()));

		String german = reader
			.get(Reader.location(toCheckout), Map.of("Accept", "text/html", "Accept-Language", "de-DE,de;q=0.9"))
			.body();
		String english = reader.get(Reader.location(toCheckout)).body();

		assertThat(german).contains("Supporter, 10,00\u00a0€ monatlich").doesNotContain("€10.00 monthly");
		assertThat(english).contains("Supporter, €10.00 monthly");
	}

	@Test
	void sameEmailInAnotherCaseAddsTheSecondPledgeToTheSameSupporter() {
		String email = email();
		pledgeAndPay(form("one-off", "preset:1000", email), "4242424242424242");
		pledgeAndPay(form("yearly", "own", email.toUpperCase(), Map.of("ownAmount", "60")), "4242424242424242");

		assertThat(this.jdbc.queryForObject("select count(*) from supporter where lower(email) = lower(?)", Long.class,
				email))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("""
				select p.kind || ':' || p.amount_minor from pledge p join supporter s on s.id = p.supporter_id
				where lower(s.email) = lower(?) order by p.created_at""", String.class, email))
			.containsExactly("one_off:1000", "recurring:6000");
	}

	@Test
	void declinedCardKeepsThePledgePending() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:friend", email));

		HttpResponse<String> declined = reader.pay(toCheckout, "4000 0000 0000 0002");
		HttpResponse<String> noFunds = reader.pay(toCheckout, "4000 0000 0000 9995");
		HttpResponse<String> unknown = reader.pay(toCheckout, "1234 5678 9012 3456");
		HttpResponse<String> tooShort = reader.pay(toCheckout, "4242");

		assertThat(declined.body()).contains("Your card was declined. Try another card.");
		assertThat(noFunds.body()).contains("Your card has insufficient funds.");
		assertThat(unknown.body()).contains("That is not one of the test cards.");
		assertThat(tooShort.body()).contains("Enter the 16-digit card number");
		assertThat(checkoutStatus(email)).isEqualTo("open");
		assertThat(supporterCount(email)).isZero();
	}

	@Test
	void authenticationCardAsksForApprovalAndFailingItPaysNothing() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:patron", email));
		String checkoutUrl = Reader.location(toCheckout);

		HttpResponse<String> challenge = reader.pay(toCheckout, "4000 0025 0000 3155");
		assertThat(challenge.body()).contains("Authenticate your payment");
		HttpResponse<String> failed = reader.post(checkoutUrl + "/authenticate", challenge.body(),
				Map.of("decision", "fail"));
		assertThat(failed.body()).contains("We could not authenticate your payment");
		assertThat(supporterCount(email)).isZero();

		HttpResponse<String> again = reader.pay(toCheckout, "4000 0025 0000 3155");
		HttpResponse<String> approved = reader.post(checkoutUrl + "/authenticate", again.body(),
				Map.of("decision", "approve"));
		assertThat(Reader.location(approved)).startsWith(url("/support/thanks/"));
		assertThat(reader.get(Reader.location(approved)).body()).contains("You are now a supporter");
		assertThat(checkoutStatus(email)).isEqualTo("completed");
	}

	@Test
	void sameCheckoutCompletedTwiceRecordsOnePayment() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader.pledge(form("one-off", "preset:2500", email));
		String checkoutUrl = Reader.location(toCheckout);
		String page = reader.get(checkoutUrl).body();

		HttpResponse<String> first = reader.post(checkoutUrl + "/pay", page, Map.of("card", "4242424242424242"));
		HttpResponse<String> second = reader.post(checkoutUrl + "/pay", page, Map.of("card", "4242424242424242"));
		reader.get(Reader.location(first));
		reader.get(Reader.location(second));

		assertThat(Reader.location(second)).isEqualTo(Reader.location(first));
		assertThat(paymentStatuses(email)).containsExactly("succeeded");
	}

	@Test
	void resubmittingTheSameFormReusesTheCheckout() {
		Reader reader = new Reader(this.port);
		String email = email();
		String page = reader.get("/support").body();
		Map<String, String> form = form("monthly", "tier:supporter", email);
		form.put("attempt", Reader.attemptToken(page));

		HttpResponse<String> first = reader.post("/support", page, form);
		HttpResponse<String> again = reader.post("/support", page, form);

		assertThat(Reader.location(again)).isEqualTo(Reader.location(first));
		assertThat(this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email))
			.isEqualTo(1);
	}

	@Test
	void concurrentDoubleSubmitMakesOneCheckoutAndOneProviderSession() throws Exception {
		Reader reader = new Reader(this.port);
		String email = email();
		String page = reader.get("/support").body();
		Map<String, String> form = form("yearly", "tier:friend", email);
		form.put("attempt", Reader.attemptToken(page));
		CountDownLatch start = new CountDownLatch(1);
		Callable<String> submit = () -> {
			start.await();
			return Reader.location(reader.post("/support", page, form));
		};
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> submits = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				submits.add(pool.submit(submit));
			}
			start.countDown();
			List<String> locations = new ArrayList<>();
			for (Future<String> location : submits) {
				locations.add(location.get());
			}
			assertThat(locations).hasSize(4).containsOnly(locations.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from sandbox_session where email = ?", Long.class, email))
			.isEqualTo(1);
	}

	@Test
	void cancelingAtTheProviderReturnsToTheSupportPageWithTheChoicesKept() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader
			.pledge(form("yearly", "own", email, Map.of("ownAmount", "42.50", "name", "Ada Lovelace")));
		String checkoutPage = reader.get(Reader.location(toCheckout)).body();
		Matcher cancelLink = Pattern.compile("href=\"([^\"]*/support\\?checkout=[^\"]+)\"").matcher(checkoutPage);
		assertThat(cancelLink.find()).as("a cancel link on the sandbox page").isTrue();
		String cancelUrl = cancelLink.group(1);

		String supportPage = reader.get(cancelUrl).body();

		assertThat(supportPage).containsPattern("value=\"yearly\"[^>]*checked")
			.containsPattern("value=\"own\"[^>]*checked")
			.contains("value=\"42.50\"", "value=\"" + email + "\"", "value=\"Ada Lovelace\"");
	}

	@Test
	void anotherBrowserWithTheCancelOrThankYouAddressSeesTheChoiceButNeverTheReadersEmailOrName() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader
			.pledge(form("yearly", "own", email, Map.of("ownAmount", "42.50", "name", "Ada Lovelace")));
		Matcher cancelLink = Pattern.compile("href=\"([^\"]*/support\\?checkout=[^\"]+)\"")
			.matcher(reader.get(Reader.location(toCheckout)).body());
		assertThat(cancelLink.find()).isTrue();
		String cancelUrl = cancelLink.group(1);

		String elsewhere = new Reader(this.port).get(cancelUrl).body();
		assertThat(elsewhere).contains("value=\"42.50\"").doesNotContain(email).doesNotContain("Ada Lovelace");

		String thanksUrl = Reader.location(reader.pay(toCheckout, "4242 4242 4242 4242"));
		assertThat(reader.get(thanksUrl).body()).as("the reader's own browser").contains("Ada Lovelace", email);
		HttpResponse<String> thanksElsewhere = new Reader(this.port).get(thanksUrl);
		assertThat(thanksElsewhere.body()).contains("You are now a supporter")
			.doesNotContain(email)
			.doesNotContain("Ada Lovelace");
	}

	@ParameterizedTest(name = "own amount \"{0}\" is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1.99        | The smallest amount is €2.00.
			10000.01    | The largest amount we can take online is €10,000.00.
			ten         | Enter the amount as a number, for example 12.50.
			-5          | Enter an amount of €2.00 or more.
			12.345      | Enter at most 2 decimal places.
			''          | Enter an amount.
			""")
	void badOwnAmountIsExplainedNextToTheFieldAndKept(String amount, String message) {
		Reader reader = new Reader(this.port);
		String email = email();

		HttpResponse<String> answer = reader.pledge(form("monthly", "own", email, Map.of("ownAmount", amount)));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("id=\"ownAmount-error\"", message).contains("value=\"" + email + "\"");
		assertThat(this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email))
			.isZero();
	}

	@Test
	void unknownOrRetiredTierIsRefused() {
		Reader reader = new Reader(this.port);
		if (this.catalog.tier("retired-tier").isEmpty()) {
			String currency = this.catalog.currency();
			long id = this.catalog
				.createTier(new TierChange("retired-tier", "Old", "", List.of(), Money.of(300, currency),
						Money.of(3000, currency)))
				.orElseThrow();
			this.catalog.setOffered(this.catalog.tier(id).orElseThrow(), false);
		}

		HttpResponse<String> unknown = reader.pledge(form("monthly", "tier:no-such-tier", email()));
		HttpResponse<String> retired = reader.pledge(form("monthly", "tier:retired-tier", email()));

		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("That tier is no longer offered. Please choose another.");
		assertThat(retired.body()).contains("That tier is no longer offered. Please choose another.");
	}

	@Test
	void malformedOrOverlongEmailIsRefused() {
		Reader reader = new Reader(this.port);

		HttpResponse<String> malformed = reader.pledge(form("monthly", "tier:friend", "not-an-email"));
		HttpResponse<String> overlong = reader.pledge(form("monthly", "tier:friend", "a".repeat(250) + "@example.org"));
		HttpResponse<String> missing = reader.pledge(form("monthly", "tier:friend", ""));

		assertThat(malformed.body()).contains("Enter an email address like name@example.com.",
				"value=\"not-an-email\"");
		assertThat(overlong.body()).contains("That email address is too long");
		assertThat(missing.body()).contains("Enter your email address.");
	}

	@Test
	void formWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
		Reader reader = new Reader(this.port);
		String email = email();
		String page = reader.get("/support").body();
		Map<String, String> fields = form("monthly", "tier:friend", email);
		fields.put("attempt", Reader.attemptToken(page));

		HttpResponse<String> missing = reader.postRaw("/support", fields);
		fields.put("_csrf", "forged-token");
		HttpResponse<String> wrong = reader.postRaw("/support", fields);

		assertThat(missing.statusCode()).isEqualTo(403);
		assertThat(missing.body()).contains("This form has expired or did not come from this site");
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email))
			.isZero();
	}

	@Test
	void forgedReturnFromTheSandboxDoesNotMarkAnUnpaidCheckoutPaid() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:supporter", email));
		String sessionId = Reader.location(toCheckout).replaceAll(".*/", "");
		String checkoutId = this.jdbc.queryForObject("select id::text from checkout where email = ?", String.class,
				email);

		HttpResponse<String> forged = reader
			.get("/support/thanks/" + checkoutId + "?session=" + sessionId + "&signature=" + "ab".repeat(32));
		HttpResponse<String> unsigned = reader.get("/support/thanks/" + checkoutId);

		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(forged.body()).contains("We could not confirm this payment");
		assertThat(unsigned.statusCode()).isEqualTo(400);
		assertThat(checkoutStatus(email)).isEqualTo("open");
		assertThat(supporterCount(email)).isZero();
	}

	@Test
	void replayedReturnFromTheSandboxHasNoSecondEffect() {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> paid = reader.pay(reader.pledge(form("one-off", "preset:500", email)), "4242424242424242");
		String returnUrl = Reader.location(paid);

		reader.get(returnUrl);
		HttpResponse<String> replay = reader.get(returnUrl);

		assertThat(replay.body()).contains("You are now a supporter");
		assertThat(paymentStatuses(email)).containsExactly("succeeded");
	}

	@Test
	void abandonedCheckoutExpiresAfterADayAndNeverCountsAsASupporter(@Autowired Checkouts checkouts) {
		Reader reader = new Reader(this.port);
		String email = email();
		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:friend", email));

		String clockPage = reader.get("/sandbox/clock").body();
		reader.post("/sandbox/clock", clockPage, Map.of("days", "2"));
		checkouts.expireAbandoned();

		assertThat(checkoutStatus(email)).isEqualTo("expired");
		assertThat(reader.get(Reader.location(toCheckout)).body()).contains("This checkout has expired");
		HttpResponse<String> latePayment = reader.post(Reader.location(toCheckout) + "/pay", clockPage,
				Map.of("card", "4242424242424242"));
		assertThat(latePayment.body()).contains("This checkout has expired");
		assertThat(supporterCount(email)).isZero();
	}

	private void pledgeAndPay(Map<String, String> form, String card) {
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader.pay(reader.pledge(form), card);
		reader.get(Reader.location(paid));
	}

	private List<String> paymentStatuses(String email) {
		return this.jdbc.queryForList("""
				select pay.status from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where lower(s.email) = lower(?) order by pay.occurred_at""",
				String.class, email);
	}

	private String checkoutStatus(String email) {
		return this.jdbc.queryForObject("select status from checkout where email = ?", String.class, email);
	}

	private long supporterCount(String email) {
		return this.jdbc.queryForObject("select count(*) from supporter where lower(email) = lower(?)", Long.class,
				email);
	}

	static String email() {
		return "reader-" + UUID.randomUUID() + "@example.org";
	}

	static Map<String, String> form(String frequency, String option, String email) {
		return form(frequency, option, email, Map.of());
	}

	static Map<String, String> form(String frequency, String option, String email, Map<String, String> more) {
		Map<String, String> form = new HashMap<>(Map.of("frequency", frequency, "option", option, "email", email));
		form.putAll(more);
		return form;
	}

}
