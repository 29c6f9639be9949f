package org.supporters.payment.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.supporters.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While PostgreSQL cannot be reached, Stripe's deliveries are answered 503 with
 * Retry-After (Stripe retries; nothing is lost), and the service takes them again as soon
 * as the database is back, without a restart. The service runs as a role of its own,
 * which the test shuts out (its sessions ended, new logins refused) and lets back in: a
 * context of its own, closed after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookDatabaseOutageTests {

	private static final String ROLE = "supporters_outage_test";

	private static final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void ownRole(DynamicPropertyRegistry registry) {
		admin("do $$ begin if not exists (select from pg_roles where rolname = '" + ROLE + "') then create role " + ROLE
				+ " login superuser password '" + ROLE + "'; end if; end $$");
		admin("alter role " + ROLE + " login");
		// without the user an embedded database's URL names
		registry.add("spring.datasource.url", () -> TestDatabase.connection().url().replaceAll("[?&]user=[^&]*", ""));
		registry.add("spring.datasource.username", () -> ROLE);
		registry.add("spring.datasource.password", () -> ROLE);
		// fail fast while the database is away, as a caller would want
		registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
		registry.add("supporters.inbox.poll-interval", () -> "1h");
		registry.add("supporters.pledge.expiry-interval", () -> "1h");
		registry.add("stripe.reconcile-interval", () -> "1h");
		registry.add("stripe.secret-key", () -> "sk_test_supporters");
		registry.add("stripe.webhook-secret", () -> StripeIntegrationTest.WEBHOOK_SECRET);
		registry.add("stripe.api-base", StripeIntegrationTest.stripe::baseUrl);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void whileTheDatabaseIsAwayDeliveriesGet503WithRetryAfterAndAreTakenAgainOnceItIsBack() {
		assertThat(deliverNew().statusCode()).as("before").isEqualTo(200);
		try {
			admin("alter role " + ROLE + " nologin");
			admin("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + ROLE + "'");

			HttpResponse<String> away = deliverNew();

			assertThat(away.statusCode()).isEqualTo(503);
			assertThat(away.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(away.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(away.body()).contains("\"status\":503", "cannot reach its database");
		}
		finally {
			admin("alter role " + ROLE + " login");
		}
		String event = someEvent();
		HttpResponse<String> back = deliver(event, 10);
		assertThat(back.statusCode()).as("back, without a restart").isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from provider_event where event_id = ?", Long.class,
				FakeStripe.parse(event).get("id").getAsString()))
			.isEqualTo(1);
	}

	private HttpResponse<String> deliverNew() {
		return deliver(someEvent(), 1);
	}

	/**
	 * Delivers the event, as Stripe would retry it, up to that many times a second apart.
	 */
	private HttpResponse<String> deliver(String event, int tries) {
		HttpResponse<String> answer = null;
		for (int i = 0; i < tries; i++) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/stripe"))
				.header("Content-Type", "application/json")
				.header("Stripe-Signature",
						StripeIntegrationTest.sign(event, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now()))
				.POST(HttpRequest.BodyPublishers.ofString(event))
				.build();
			try {
				answer = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200) {
					return answer;
				}
				Thread.sleep(1000);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return answer;
	}

	private static String someEvent() {
		return FakeStripe
			.eventObject(FakeStripe.id("evt_"), "customer.subscription.updated",
					FakeStripe.json("id", FakeStripe.id("sub_"), "object", "subscription"), Instant.now())
			.toString();
	}

	/** Runs SQL as the test database's own user, which the outage leaves alone. */
	private static void admin(String sql) {
		TestDatabase.Connection database = TestDatabase.connection();
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
