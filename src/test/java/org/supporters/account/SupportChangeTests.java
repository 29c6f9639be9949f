package org.supporters.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.payment.sandbox.SandboxTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing one's support against the sandbox, sent as a browser would send the forms: a
 * double click changes once, another reader's pledge is answered as no pledge at all, and
 * bad input is answered next to the field with nothing changed.
 */
class SupportChangeTests extends IntegrationTest {

	private static final Pattern PLEDGE_ID = Pattern.compile("data-pledge=\"([0-9a-f-]{36})\"");

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void theSameConfirmationSentTwiceAtOnceChangesThePledgeOnce() {
		String email = email();
		Reader reader = pledged(email);
		String pledge = pledgeId(reader);
		String form = reader.get("/account/pledges/" + pledge + "/change").body();
		Map<String, String> fields = new LinkedHashMap<>(
				Map.of("frequency", "monthly", "option", "own", "ownAmount", "15", "key", find(KEY, form)));
		String confirm = reader.post("/account/pledges/" + pledge + "/change/preview", form, fields).body();
		assertThat(confirm).contains("Confirm change", "then <strong>€15.00</strong>");

		List<CompletableFuture<HttpResponse<String>>> clicks = List.of(
				CompletableFuture
					.supplyAsync(() -> reader.post("/account/pledges/" + pledge + "/change", confirm, fields)),
				CompletableFuture
					.supplyAsync(() -> reader.post("/account/pledges/" + pledge + "/change", confirm, fields)));

		assertThat(clicks.stream().map(CompletableFuture::join).map(Reader::location))
			.allSatisfy((location) -> assertThat(location).endsWith("/account"));
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from provider_event where provider = 'sandbox' and type = 'customer.subscription.updated'
						and payload -> 'pledge' ->> 'email' = ?""",
				Long.class, email))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("""
				select pay.amount_minor from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where s.email = ? order by pay.occurred_at""", Long.class,
				email))
			.as("the first payment and one prorated charge")
			.hasSize(2)
			.first()
			.isEqualTo(1000L);
		assertThat(reader.get("/account").body()).contains("€15.00 a month").doesNotContain("Changing…");
	}

	@Test
	void theSameCancelSentAgainAfterItWentThroughIsAnsweredWithTheAccountPage() {
		String email = email();
		Reader reader = pledged(email);
		String pledge = pledgeId(reader);
		String cancelForm = reader.get("/account/pledges/" + pledge + "/cancel").body();
		Map<String, String> fields = Map.of("reason", "other", "comment", "Moving.", "key", find(KEY, cancelForm));

		HttpResponse<String> first = reader.post("/account/pledges/" + pledge + "/cancel", cancelForm, fields);
		HttpResponse<String> again = reader.post("/account/pledges/" + pledge + "/cancel", cancelForm, fields);

		assertThat(Reader.location(first)).endsWith("/account");
		assertThat(Reader.location(again)).endsWith("/account");
		String account = reader.get("/account").body();
		assertThat(account).contains("Your pledge is canceled.").doesNotContain("nothing was changed");
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from provider_event where provider = 'sandbox' and type = 'customer.subscription.updated'
						and payload -> 'pledge' ->> 'email' = ?""",
				Long.class, email))
			.isEqualTo(1);
	}

	@Test
	void anotherReadersPledgeIsAnsweredAsNoPledgeAtAll() {
		Reader owner = pledged(email());
		String theirs = pledgeId(owner);
		Reader other = pledged(email());
		String account = other.get("/account").body();

		HttpResponse<String> someoneElses = other.get("/account/pledges/" + theirs + "/change");
		HttpResponse<String> nobodys = other.get("/account/pledges/" + UUID.randomUUID() + "/change");
		HttpResponse<String> garbled = other.get("/account/pledges/not-a-pledge/cancel");
		HttpResponse<String> cancelTheirs = other.post("/account/pledges/" + theirs + "/cancel", account,
				Map.of("key", UUID.randomUUID().toString()));

		assertThat(List.of(someoneElses, nobodys, garbled, cancelTheirs)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("We could not find that pledge");
		});
		assertThat(someoneElses.body()).isEqualTo(nobodys.body());
		assertThat(owner.get("/account").body()).contains("You are a member").doesNotContain("canceled");
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefused() {
		Reader reader = pledged(email());
		String pledge = pledgeId(reader);

		assertThat(reader.postRaw("/account/pledges/" + pledge + "/cancel", Map.of("key", UUID.randomUUID().toString()))
			.statusCode()).isEqualTo(403);
		assertThat(reader.postRaw("/account/pledges/" + pledge + "/resume", Map.of("key", UUID.randomUUID().toString()))
			.statusCode()).isEqualTo(403);
		assertThat(reader.get("/account").body()).doesNotContain("Your membership is canceled");
	}

	@Test
	void badInputIsAnsweredNextToTheFieldAndChangesNothing() {
		String email = email();
		Reader reader = pledged(email);
		String pledge = pledgeId(reader);
		String form = reader.get("/account/pledges/" + pledge + "/change").body();
		String key = find(KEY, form);

		HttpResponse<String> notANumber = reader.post("/account/pledges/" + pledge + "/change/preview", form,
				Map.of("frequency", "monthly", "option", "own", "ownAmount", "lots", "key", key));
		HttpResponse<String> tooMuch = reader.post("/account/pledges/" + pledge + "/change", form,
				Map.of("frequency", "monthly", "option", "own", "ownAmount", "99999999", "key", key));
		HttpResponse<String> weekly = reader.post("/account/pledges/" + pledge + "/change/preview", form,
				Map.of("frequency", "weekly", "option", "tier:supporter", "key", key));
		HttpResponse<String> same = reader.post("/account/pledges/" + pledge + "/change/preview", form,
				Map.of("frequency", "monthly", "option", "tier:supporter", "key", key));
		HttpResponse<String> staleKey = reader.post("/account/pledges/" + pledge + "/change", form,
				Map.of("frequency", "monthly", "option", "own", "ownAmount", "12", "key", "x"));
		String cancelForm = reader.get("/account/pledges/" + pledge + "/cancel").body();
		HttpResponse<String> oddReason = reader.post("/account/pledges/" + pledge + "/cancel", cancelForm,
				Map.of("reason", "bored", "comment", "x".repeat(501), "key", find(KEY, cancelForm)));

		assertThat(notANumber.statusCode()).isEqualTo(422);
		assertThat(notANumber.body()).contains("id=\"ownAmount-error\"", "Enter the amount as a number");
		assertThat(tooMuch.body()).contains("The largest amount we can take online is");
		assertThat(weekly.body()).contains("Choose monthly or yearly.");
		assertThat(same.body()).contains("That is what you give already.");
		assertThat(staleKey.body()).contains("This form is out of date.");
		assertThat(oddReason.statusCode()).isEqualTo(422);
		assertThat(oddReason.body()).contains("Choose one of the reasons shown, or none.",
				"Keep it under 500 characters.");
		assertThat(this.jdbc.queryForMap("""
				select p.amount_minor, p.cancel_at_period_end from pledge p join supporter s on s.id = p.supporter_id
				where s.email = ?""", email)).containsEntry("amount_minor", 1000L)
			.containsEntry("cancel_at_period_end", false);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pledge_change c join supporter s on s.id = c.supporter_id where s.email = ?",
				Long.class, email))
			.isZero();
	}

	@Test
	void aCardThatDeclinesTheProratedChargeChangesNothing() {
		String email = email();
		Reader reader = new Reader(this.port);
		reader.get(Reader.location(
				reader.pay(reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email)),
						"4000000000000341")));
		String pledge = pledgeId(reader);
		String form = reader.get("/account/pledges/" + pledge + "/change").body();

		HttpResponse<String> declined = reader.post("/account/pledges/" + pledge + "/change", form,
				Map.of("frequency", "monthly", "option", "tier:patron", "key", find(KEY, form)));

		assertThat(reader.get(Reader.location(declined)).body())
			.contains("Your card was declined for the amount due now, so nothing was changed.");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where s.email = ? and p.amount_minor = 1000""", Long.class,
				email))
			.isEqualTo(1);
	}

	@Test
	void aChangeToAPledgeThatEndedMeanwhileIsRefusedWithAMessage() {
		String email = email();
		Reader reader = pledged(email);
		String pledge = pledgeId(reader);
		String form = reader.get("/account/pledges/" + pledge + "/change").body();
		String cancelForm = reader.get("/account/pledges/" + pledge + "/cancel").body();
		reader.get(Reader.location(reader.post("/account/pledges/" + pledge + "/cancel", cancelForm,
				Map.of("key", find(KEY, cancelForm)))));
		new SandboxTime(this.context).advanceAndCharge(Duration.ofDays(32));

		HttpResponse<String> late = reader.post("/account/pledges/" + pledge + "/change", form,
				Map.of("frequency", "monthly", "option", "own", "ownAmount", "20", "key", find(KEY, form)));

		assertThat(Reader.location(late)).endsWith("/account");
		assertThat(reader.get("/account").body()).contains("This pledge has ended, so nothing was changed.",
				"Your membership has ended.");
		assertThat(this.jdbc.queryForObject("""
				select p.amount_minor from pledge p join supporter s on s.id = p.supporter_id where s.email = ?""",
				Long.class, email))
			.isEqualTo(1000L);
	}

	private Reader pledged(String email) {
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader.pay(
				reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email)),
				"4242424242424242");
		reader.get(Reader.location(paid));
		return reader;
	}

	private static String pledgeId(Reader reader) {
		return find(PLEDGE_ID, reader.get("/account").body());
	}

	private static String email() {
		return "change-" + UUID.randomUUID() + "@example.org";
	}

	private static String find(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

}
