package org.supporters.payment.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.supporters.IntegrationTest;
import org.supporters.TestDatabase;
import org.supporters.payment.ProviderEventInbox;

/**
 * The whole service in Stripe mode, its Stripe client pointed at a {@link FakeStripe} on
 * a local port. A context of its own (the sandbox one has other beans), on its own port,
 * shared by every Stripe test: tests use their own customers and emails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class StripeIntegrationTest {

	static final String WEBHOOK_SECRET = "whsec_supporters_test_secret";

	static final FakeStripe stripe = FakeStripe.start();

	private static final int PORT = freePort();

	private static final HttpClient http = HttpClient.newHttpClient();

	protected final int port = PORT;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	StripeCustomers customers;

	@DynamicPropertySource
	static void stripeMode(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("server.port", () -> PORT);
		registry.add("supporters.public-url", () -> "http://localhost:" + PORT);
		// tests drive the inbox, expiry and reconciliation themselves
		registry.add("supporters.inbox.poll-interval", () -> "1h");
		registry.add("supporters.pledge.expiry-interval", () -> "1h");
		registry.add("stripe.reconcile-interval", () -> "1h");
		registry.add("stripe.secret-key", () -> "sk_test_supporters");
		registry.add("stripe.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("stripe.api-base", stripe::baseUrl);
		registry.add("stripe.read-timeout", () -> "2s");
		registry.add("stripe.max-network-retries", () -> "0");
		registry.add("supporters.admin.email", () -> IntegrationTest.ADMIN_EMAIL);
		registry.add("supporters.admin.password", () -> IntegrationTest.ADMIN_PASSWORD);
		registry.add("supporters.metrics.token", () -> IntegrationTest.METRICS_TOKEN);
	}

	@AfterEach
	void clearFaults() {
		stripe.clearFaults();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A new reader known to the service as a Stripe customer. */
	Customer customer() {
		String email = "stripe-" + UUID.randomUUID() + "@example.org";
		return new Customer(email, this.customers.customerFor(email, null));
	}

	/** Posts the payload to the webhook, signed now with the right secret. */
	int deliver(String payload) {
		return post(payload, sign(payload, WEBHOOK_SECRET, Instant.now()));
	}

	/** Delivers the event and applies what is due. */
	void deliverAndApply(String payload) {
		int status = deliver(payload);
		if (status != 200) {
			throw new IllegalStateException("webhook answered " + status);
		}
		this.inbox.applyDue();
	}

	int post(String payload, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/webhooks/stripe")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(payload));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String sign(String payload, String secret, Instant at) {
		try {
			return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	Map<String, Object> pledge(String reference) {
		return this.jdbc.queryForMap("""
				select p.status, p.kind, p.ended_reason, p.cancel_at_period_end, p.current_period_end, p.amount_minor,
				       s.email, t.slug as tier
				from pledge p join supporter s on s.id = p.supporter_id left join tier t on t.id = p.tier_id
				where p.provider = 'stripe' and p.provider_ref = ?""", reference);
	}

	Map<String, Object> payment(String reference) {
		return this.jdbc.queryForMap(
				"select status, refunded_minor, amount_minor from payment where provider = 'stripe' and provider_ref = ?",
				reference);
	}

	long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A reader and their Stripe customer. */
	record Customer(String email, String id) {
	}

}
