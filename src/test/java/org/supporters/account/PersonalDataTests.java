package org.supporters.account;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader downloads everything held about them, and erases their personal data: their
 * email and name go from every table, their pledges and payments stay for the books.
 */
class PersonalDataTests extends IntegrationTest {

	private static final Map<String, String> JSON = Map.of("Accept", "application/json");

	/** Every place a reader's email or name can be written, as SQL over text. */
	private static final List<String> PERSONAL_TEXT = List.of(
			"select email || ' ' || coalesce(name, '') from supporter",
			"select email || ' ' || coalesce(name, '') from checkout",
			"select email || ' ' || coalesce(name, '') from sandbox_session", "select email from sign_in_request",
			"select recipient || ' ' || body from mail_outbox", "select payload::text from provider_event",
			"select email from stripe_customer");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReaderDownloadsEverythingHeldAboutThem() {
		Reader reader = new Reader(this.port);
		String email = email();
		String name = "Ann Export " + UUID.randomUUID();
		pledge(reader, email, name, "one-off", "preset:2500");

		HttpResponse<String> export = reader.get("/account/export");

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment"));
		assertThat(export.body()).contains("\"email\":\"" + email + "\"", "\"name\":\"" + name + "\"",
				"\"kind\":\"one_off\"", "\"amountMinor\":2500", "\"currency\":\"EUR\"", "\"status\":\"succeeded\"");
		assertThat(reader.get("/account").body()).contains("Download my data", "Erase my data");
	}

	@Test
	void erasingReplacesTheEmailAndNameEverywhereAndKeepsThePaymentsForTheBooks() {
		Reader reader = new Reader(this.port);
		String email = email();
		String name = "Ann Erase " + UUID.randomUUID();
		pledge(reader, email, name, "one-off", "preset:1000");
		Reader otherBrowser = new Reader(this.port);
		otherBrowser.post("/sign-in", otherBrowser.get("/sign-in").body(), Map.of("email", email.toUpperCase()));
		assertThat(TestMail.lastTo(email)).isNotNull();
		String supporterId = this.jdbc.queryForObject("select id::text from supporter where lower(email) = lower(?)",
				String.class, email);
		assertThat(mentions(email)).as("before").isNotEmpty();

		HttpResponse<String> unconfirmed = reader.post("/account/erase", reader.get("/account").body(), Map.of());
		assertThat(unconfirmed.statusCode()).isEqualTo(422);
		assertThat(unconfirmed.body()).contains("Tick the box to confirm");
		assertThat(mentions(email)).as("nothing erased without confirming").isNotEmpty();

		HttpResponse<String> erased = reader.post("/account/erase", reader.get("/account").body(),
				Map.of("confirm", "yes"));

		assertThat(Reader.location(erased)).endsWith("/sign-in?erased");
		assertThat(mentions(email)).isEmpty();
		assertThat(mentions(name)).isEmpty();
		assertThat(
				this.jdbc.queryForMap("select email, name, erased_at from supporter where id = ?::uuid", supporterId))
			.containsEntry("email", "erased-" + supporterId + "@erased.invalid")
			.containsEntry("name", null)
			.satisfies((row) -> assertThat(row.get("erased_at")).isNotNull());
		assertThat(this.jdbc.queryForObject("select sum(pay.amount_minor) from payment pay join pledge p "
				+ "on p.id = pay.pledge_id where p.supporter_id = ?::uuid", Long.class, supporterId))
			.as("the books")
			.isEqualTo(1000);
		assertThat(reader.get("/account").statusCode()).as("signed out").isEqualTo(302);
		assertThat(reader.get("/api/v1/membership", JSON).body()).contains("\"member\":false");
		assertThat(reader.get("/sign-in?erased").body()).contains("Your personal data has been erased");
		assertThat(StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD)
			.get("/staff/supporters/" + supporterId)
			.body()).as("staff see why the email is a pseudonym")
			.contains("had their personal data erased", "erased-" + supporterId + "@erased.invalid")
			.doesNotContain(email);
	}

	@Test
	void aRecurringPledgeThatWouldStillBeChargedMustBeCanceledFirst() {
		Reader reader = new Reader(this.port);
		String email = email();
		pledge(reader, email, "Ann Monthly", "monthly", "tier:supporter");

		HttpResponse<String> refused = reader.post("/account/erase", reader.get("/account").body(),
				Map.of("confirm", "yes"));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Your recurring pledge would still be charged", "Manage, cancel");
		assertThat(this.jdbc.queryForObject("select count(*) from supporter where lower(email) = lower(?)", Long.class,
				email))
			.isEqualTo(1);
		assertThat(reader.get("/account").statusCode()).as("still signed in").isEqualTo(200);
	}

	private static void pledge(Reader reader, String email, String name, String frequency, String option) {
		Map<String, String> form = new HashMap<>(
				Map.of("frequency", frequency, "option", option, "email", email, "name", name));
		HttpResponse<String> paid = reader.pay(reader.pledge(form), "4242 4242 4242 4242");
		assertThat(reader.get(Reader.location(paid)).body()).contains("You are now a supporter");
	}

	/** The rows, in any table, whose personal text holds this, in any letter case. */
	private List<String> mentions(String text) {
		return PERSONAL_TEXT.stream()
			.flatMap((sql) -> this.jdbc.queryForList(sql, String.class).stream())
			.filter((value) -> value.toLowerCase().contains(text.toLowerCase()))
			.toList();
	}

	private static String email() {
		return "reader-" + UUID.randomUUID() + "@example.org";
	}

}
