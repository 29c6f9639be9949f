package org.supporters.payment.sandbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/** Time passes in the sandbox: renewals, failing renewals and the clock page. */
class SandboxRenewalTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SandboxClock clock;

	@Autowired
	SandboxBilling billing;

	@Test
	void monthlyPledgeRenewsEachPeriodAsTheClockMoves() {
		String email = pledge("monthly", "4242424242424242");
		Instant firstPeriodEnd = periodEnd(email);

		advance(95);

		assertThat(pledgeStatus(email)).isEqualTo("active");
		assertThat(payments(email)).containsExactly("succeeded", "succeeded", "succeeded", "succeeded");
		assertThat(periodEnd(email)).isAfter(firstPeriodEnd.plus(Duration.ofDays(85)));
	}

	@Test
	void cardThatFailsRenewalsGoesPastDueThenIsCanceledAfterTheRetries() {
		String email = pledge("monthly", "4000 0000 0000 0341");
		assertThat(payments(email)).containsExactly("succeeded");

		advance(32);
		assertThat(pledgeStatus(email)).isEqualTo("past_due");
		assertThat(payments(email)).containsExactly("succeeded", "failed");

		advance(4);
		assertThat(pledgeStatus(email)).isEqualTo("past_due");
		assertThat(payments(email)).containsExactly("succeeded", "failed", "failed");

		advance(13);
		assertThat(this.jdbc.queryForMap("""
				select p.status, p.ended_reason, p.ended_at is not null as ended from pledge p
				join supporter s on s.id = p.supporter_id where s.email = ?""", email))
			.containsEntry("status", "canceled")
			.containsEntry("ended_reason", "payment_failed")
			.containsEntry("ended", true);
		assertThat(payments(email)).containsExactly("succeeded", "failed", "failed", "failed", "failed");
	}

	@Test
	void advancingTheClockOnTheSandboxPageRunsDueRenewals() {
		String email = pledge("monthly", "4242424242424242");
		Reader person = new Reader(this.port);
		String page = person.get("/sandbox/clock").body();
		assertThat(page).contains("Test mode");

		HttpResponse<String> moved = person.post("/sandbox/clock", page, Map.of("days", "31"));
		HttpResponse<String> refused = person.post("/sandbox/clock", page, Map.of("days", "soon"));

		assertThat(person.get(Reader.location(moved)).body()).contains("Moved 31 days ahead").contains(email);
		assertThat(refused.body()).contains("Enter a whole number of days from 1 to 400.");
		assertThat(payments(email)).containsExactly("succeeded", "succeeded");
	}

	private String pledge(String frequency, String card) {
		String email = "renewing-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader
			.pay(reader.pledge(Map.of("frequency", frequency, "option", "tier:supporter", "email", email)), card);
		reader.get(Reader.location(paid));
		return email;
	}

	private void advance(int days) {
		this.clock.advance(Duration.ofDays(days));
		this.billing.chargeDue();
	}

	private String pledgeStatus(String email) {
		return this.jdbc.queryForObject(
				"select p.status from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				String.class, email);
	}

	private Instant periodEnd(String email) {
		return this.jdbc.queryForObject("""
				select p.current_period_end from pledge p join supporter s on s.id = p.supporter_id
				where s.email = ?""", java.sql.Timestamp.class, email).toInstant();
	}

	private List<String> payments(String email) {
		return this.jdbc.queryForList("""
				select pay.status from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where s.email = ? order by pay.occurred_at""", String.class,
				email);
	}

}
