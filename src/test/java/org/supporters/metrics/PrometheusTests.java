package org.supporters.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.Scrape;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.platform.Mail;
import org.supporters.platform.ScheduledJob;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus}: the service's own figures, for whoever has the token and
 * for nobody else.
 */
class PrometheusTests extends IntegrationTest {

	@Autowired
	DatabaseGauges gauges;

	@Autowired
	List<ScheduledJob> jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	Mail mail;

	@Autowired
	JavaMailSenderImpl smtp;

	@Test
	void withoutTheTokenOrWithAWrongOneTheMetricsAnswer401() {
		Reader scraper = new Reader(this.port);

		HttpResponse<String> none = scraper.get("/actuator/prometheus");
		HttpResponse<String> wrong = scraper.get("/actuator/prometheus",
				Map.of("Authorization", "Bearer not-the-token-not-the-token-not-the-token"));

		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(none.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(none.body()).doesNotContain("supporters_");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain("supporters_");
	}

	@Test
	void aPledgeThroughTheSandboxMovesTheCheckoutPledgeAndPaymentFigures() throws IOException {
		this.gauges.refresh();
		String before = scrape();
		double started = value(before, "supporters_pledges_started_total", "kind=\"recurring\"",
				"provider=\"sandbox\"");
		double payments = value(before, "supporters_payments_amount_minor", "currency=\"EUR\"", "status=\"succeeded\"");
		double checkoutsStarted = value(before, "supporters_checkouts_started_total", "kind=\"recurring\"",
				"provider=\"sandbox\"");
		double checkoutsCompleted = value(before, "supporters_checkouts_completed_total", "kind=\"recurring\"",
				"provider=\"sandbox\"");

		Reader reader = new Reader(this.port);
		HttpResponse<String> toCheckout = reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter",
				"email", "metrics-" + UUID.randomUUID() + "@example.org"));
		HttpResponse<String> paid = reader.pay(toCheckout, "4242 4242 4242 4242");
		assertThat(reader.get(Reader.location(paid)).body()).contains("You are now a supporter");
		this.gauges.refresh();

		String after = scrape();
		Files.writeString(Path.of("target", "prometheus-after-one-pledge.txt"), after);
		assertThat(value(after, "supporters_checkouts_started_total", "kind=\"recurring\"", "provider=\"sandbox\""))
			.as("the reader was sent to the provider's checkout")
			.isEqualTo(checkoutsStarted + 1);
		assertThat(value(after, "supporters_checkouts_completed_total", "kind=\"recurring\"", "provider=\"sandbox\""))
			.as("and paid there")
			.isEqualTo(checkoutsCompleted + 1);
		assertThat(value(after, "supporters_pledges_started_total", "kind=\"recurring\"", "provider=\"sandbox\""))
			.isEqualTo(started + 1);
		assertThat(value(after, "supporters_payments_amount_minor", "currency=\"EUR\"", "status=\"succeeded\""))
			.as("the payment's amount, in cents")
			.isEqualTo(payments + 1000);
		assertThat(after).contains("supporters_inbox_waiting ", "supporters_inbox_oldest_unapplied_age_seconds ",
				"supporters_mail_waiting ", "# HELP supporters_pledges_started_total");
	}

	@Test
	void aCheckoutLeftUnpaidForADayCountsAsFailedOnceItExpires() {
		ScheduledJob expiry = this.jobs.stream()
			.filter((job) -> job.name().equals("checkout-expiry"))
			.findFirst()
			.orElseThrow();
		// others' checkouts left open long ago expire first, so that only this one counts
		expiry.work().getAsBoolean();
		String email = "abandoned-" + UUID.randomUUID() + "@example.org";
		HttpResponse<String> toCheckout = new Reader(this.port)
			.pledge(Map.of("frequency", "one-off", "option", "preset:1000", "email", email));
		assertThat(Reader.location(toCheckout)).contains("/sandbox/checkout/");
		String before = scrape();
		this.jdbc.update("update checkout set created_at = created_at - interval '25 hours' where email = ?", email);

		expiry.work().getAsBoolean();

		String after = scrape();
		assertThat(value(after, "supporters_checkouts_failed_total", "kind=\"one_off\"", "provider=\"sandbox\"",
				"reason=\"expired\""))
			.isEqualTo(value(before, "supporters_checkouts_failed_total", "kind=\"one_off\"", "provider=\"sandbox\"",
					"reason=\"expired\"") + 1);
		assertThat(value(after, "supporters_checkouts_started_total", "kind=\"one_off\"", "provider=\"sandbox\""))
			.isPositive();
	}

	@Test
	void aProviderEventThatFailsToApplyIsCountedAndShownAsFailing() {
		String eventId = "evt_metrics_failing_" + UUID.randomUUID();
		// a payload the sandbox cannot read: its apply fails every time
		this.jdbc.update("insert into provider_event (provider, event_id, type, payload, next_attempt_at) "
				+ "values ('sandbox', ?, 'checkout.completed', '{\"created\":\"not a time\"}'::jsonb, "
				+ "now() + interval '1 hour')", eventId);
		long id = this.jdbc.queryForObject("select id from provider_event where event_id = ?", Long.class, eventId);
		try {
			String before = scrape();

			this.inbox.retry(id);
			this.gauges.refresh();

			String after = scrape();
			assertThat(value(after, "supporters_inbox_apply_failures_total", "provider=\"sandbox\""))
				.isEqualTo(value(before, "supporters_inbox_apply_failures_total", "provider=\"sandbox\"") + 1);
			assertThat(plain(after, "supporters_inbox_failing")).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.jdbc.update("delete from provider_event where id = ?", id);
		}
	}

	@Test
	void aMailTheSmtpServerCannotTakeIsCountedAsASendFailure() throws IOException {
		String recipient = "unsent-" + UUID.randomUUID() + "@example.org";
		int smtpPort = this.smtp.getPort();
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		double before = plain(scrape(), "supporters_mail_send_failures_total");
		// the same SMTP client, pointed where nothing listens: the connection is refused
		this.smtp.setPort(closed);
		try {
			this.mail.send(recipient, "Not sent", "Nothing listens there.");
		}
		finally {
			this.smtp.setPort(smtpPort);
			// its retry must not reach the next test's mailbox
			this.jdbc.update("delete from mail_outbox where recipient = ?", recipient);
		}

		assertThat(plain(scrape(), "supporters_mail_send_failures_total")).isEqualTo(before + 1);
	}

	@Test
	void membershipChecksAreCountedByPathAndAnswer() {
		double anonymous = value(scrape(), "supporters_membership_checks_total", "member=\"false\"",
				"path=\"/api/v1/membership\"");

		assertThat(new Reader(this.port).get("/api/v1/membership", Map.of("Accept", "application/json")).body())
			.contains("\"member\":false");

		assertThat(value(scrape(), "supporters_membership_checks_total", "member=\"false\"",
				"path=\"/api/v1/membership\""))
			.isEqualTo(anonymous + 1);
	}

	private String scrape() {
		return Scrape.of(this.port).text();
	}

	/** The value of a metric with no labels but the application's. */
	private static double plain(String exposition, String name) {
		return value(exposition, name, "application=\"supporters\"");
	}

	private static double value(String exposition, String name, String... labels) {
		return Scrape.valueIn(exposition, name, labels);
	}

}
