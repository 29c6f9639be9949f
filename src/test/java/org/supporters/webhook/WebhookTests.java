package org.supporters.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.Scrape;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins add endpoints; pledges through the sandbox reach a local receiver, signed, in
 * order, retried after failures, and a hanging receiver holds up nobody else.
 */
class WebhookTests extends IntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"new-webhook-secret\">(whsec_[A-Za-z0-9_-]+)<");

	private static final String ALL_EVENTS = "supporter.created,membership.changed,pledge.started,pledge.ended,"
			+ "payment.succeeded,payment.refunded";

	/** A receiver's "endless" answer stops here: 2 GB. */
	private static final long ENDLESS_LIMIT = 2L * 1024 * 1024 * 1024;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	JsonMapper json;

	private final List<Receiver> receivers = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopReceivers() {
		this.receivers.forEach(Receiver::stop);
		// endpoints of one test must not receive the next test's events
		this.jdbc.update("delete from webhook_endpoint");
	}

	@Test
	void signedWebhooksOfAPledgeArriveInOrderAndTheirSignaturesVerify() throws Exception {
		Receiver receiver = receiver((exchange, count) -> 200);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String secret = addEndpoint(admin, receiver.url(), ALL_EVENTS);
		String email = "hooks-" + UUID.randomUUID() + "@example.org";

		pledge(email);
		deliverAll();

		List<JsonNode> events = receiver.bodies().stream().map(this.json::readTree).toList();
		assertThat(events).extracting((event) -> event.get("type").asString())
			.containsExactly("supporter.created", "pledge.started", "payment.succeeded", "membership.changed");
		assertThat(events.get(0).get("data").get("email").asString()).isEqualTo(email);
		JsonNode changed = events.get(3).get("data");
		assertThat(changed.get("previous").get("member").asBoolean()).isFalse();
		assertThat(changed.get("current").get("member").asBoolean()).isTrue();
		assertThat(changed.get("current").get("tier").asString()).isEqualTo("supporter");
		assertThat(events.get(2).get("data").get("amount").get("minor").asLong()).isEqualTo(1000);
		for (Received received : receiver.received) {
			Matcher signature = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(received.signature());
			assertThat(signature.matches()).as(received.signature()).isTrue();
			assertThat(Signatures.hmac(secret, signature.group(1) + "." + received.body()))
				.as("HMAC-SHA256 of t.body with the secret")
				.isEqualTo(signature.group(2));
			assertThat(Signatures.hmac("whsec_another", signature.group(1) + "." + received.body()))
				.isNotEqualTo(signature.group(2));
		}
		assertThat(admin.get("/staff/admin/webhooks").body()).contains(receiver.url()).doesNotContain(secret);
		assertThat(admin.get("/staff/admin/audit").body()).contains("webhook.create").doesNotContain(secret);
	}

	@Test
	void aReceiverAnswering500IsRetriedLaterThenDeliveredAndTheLogShowsBoth() throws Exception {
		Receiver receiver = receiver((exchange, count) -> (count == 1) ? 500 : 204);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, receiver.url(), "supporter.created");

		pledge("retried-" + UUID.randomUUID() + "@example.org");
		this.delivery.deliverDue();
		this.delivery.deliverDue();

		assertThat(receiver.received).as("not retried before its backoff").hasSize(1);
		assertThat(this.jdbc.queryForObject("select status from webhook_delivery", String.class)).isEqualTo("pending");
		this.jdbc.update("update webhook_delivery set next_attempt_at = now() where status = 'pending'");
		this.delivery.deliverDue();

		assertThat(receiver.received).hasSize(2);
		assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());
		assertThat(this.jdbc.queryForObject("select status from webhook_delivery", String.class))
			.isEqualTo("delivered");
		assertThat(this.jdbc.queryForList("select response_code from webhook_attempt order by id", Integer.class))
			.containsExactly(500, 204);
	}

	@Test
	void eachAttemptIsCountedInTheMetricsByItsOutcome() throws Exception {
		Receiver receiver = receiver((exchange, count) -> (count == 1) ? 500 : 204);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, receiver.url(), "supporter.created");
		Scrape before = Scrape.of(this.port);

		pledge("counted-" + UUID.randomUUID() + "@example.org");
		this.delivery.deliverDue();
		Scrape afterFailure = Scrape.of(this.port);
		this.jdbc.update("update webhook_delivery set next_attempt_at = now() where status = 'pending'");
		this.delivery.deliverDue();
		Scrape afterRetry = Scrape.of(this.port);

		String deliveries = "supporters_webhooks_deliveries_total";
		assertThat(afterFailure.value(deliveries, "outcome=\"failed\""))
			.isEqualTo(before.value(deliveries, "outcome=\"failed\"") + 1);
		assertThat(afterFailure.value(deliveries, "outcome=\"delivered\""))
			.isEqualTo(before.value(deliveries, "outcome=\"delivered\""));
		assertThat(afterRetry.value(deliveries, "outcome=\"failed\""))
			.isEqualTo(before.value(deliveries, "outcome=\"failed\"") + 1);
		assertThat(afterRetry.value(deliveries, "outcome=\"delivered\""))
			.isEqualTo(before.value(deliveries, "outcome=\"delivered\"") + 1);
	}

	@Test
	void aHangingReceiverTimesOutAndDoesNotHoldUpAnotherEndpoint() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Receiver hanging = receiver((exchange, count) -> {
			release.await(30, TimeUnit.SECONDS);
			return 200;
		});
		Receiver healthy = receiver((exchange, count) -> 200);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, hanging.url(), "supporter.created");
		addEndpoint(admin, healthy.url(), "supporter.created");

		try {
			pledge("hanging-" + UUID.randomUUID() + "@example.org");
			this.delivery.deliverDue();

			assertThat(healthy.received).hasSize(1);
			assertThat(release.getCount()).as("the hanging receiver never answered").isEqualTo(1);
			assertThat(this.jdbc.queryForList(
					"select a.error from webhook_attempt a join webhook_delivery d "
							+ "on d.id = a.delivery_id join webhook_endpoint e on e.id = d.endpoint_id where e.url = ?",
					String.class, hanging.url()))
				.containsExactly("Timed out");
			assertThat(admin.get("/staff/admin/webhooks").body()).contains("Timed out");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aFailedDeliveryIsSentAgainWithTheButton() throws Exception {
		Receiver receiver = receiver((exchange, count) -> 200);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, receiver.url(), "supporter.created");
		pledge("again-" + UUID.randomUUID() + "@example.org");
		this.delivery.deliverDue();
		long id = this.jdbc.queryForObject("select id from webhook_delivery", Long.class);

		HttpResponse<String> again = admin.postForm("/staff/admin/webhooks",
				"/staff/admin/webhooks/deliveries/" + id + "/redeliver", Map.of());
		this.delivery.deliverDue();

		assertThat(Reader.location(again)).endsWith("/staff/admin/webhooks");
		assertThat(receiver.received).hasSize(2);
		assertThat(admin.get("/staff/admin/audit").body()).contains("webhook.redeliver");
	}

	@Test
	void anEndpointFailingTooOftenInARowIsDisabledAndAdminsAreMailed() throws Exception {
		Receiver receiver = receiver((exchange, count) -> 503);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, receiver.url(), "supporter.created");
		// as if it had failed 49 times already: the 50th failure in a row disables it
		this.jdbc.update("update webhook_endpoint set consecutive_failures = 49, failing_since = now()");

		pledge("disabled-" + UUID.randomUUID() + "@example.org");
		this.delivery.deliverDue();

		assertThat(this.jdbc.queryForObject("select enabled from webhook_endpoint", Boolean.class)).isFalse();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from mail_outbox where recipient = ? and subject = 'A webhook endpoint was disabled' "
						+ "and position(? in body) > 0",
				Long.class, ADMIN_EMAIL, receiver.url()))
			.isEqualTo(1);
		this.jdbc.update("update webhook_delivery set next_attempt_at = now()");
		this.delivery.deliverDue();
		assertThat(receiver.received).as("a disabled endpoint gets nothing").hasSize(1);
		assertThat(admin.get("/staff/admin/webhooks").body()).contains("disabled after 50 failed deliveries");
	}

	@Test
	void urlsThatAreNotHttpOrTooLongOrCarryAPasswordAreRefusedNextToTheField() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		assertRefused(admin, "ftp://example.com/hooks", "Use an http:// or https:// URL.");
		assertRefused(admin, "file:///etc/passwd", "Use an http:// or https:// URL.");
		assertRefused(admin, "https://example.com/" + "a".repeat(2000), "at most 2000 characters");
		assertRefused(admin, "https://user:secret@example.com/hooks", "Leave user names and passwords out");
		HttpResponse<String> noEvents = admin.postForm("/staff/admin/webhooks", "/staff/admin/webhooks",
				Map.of("url", "https://example.com/hooks"));
		assertThat(noEvents.statusCode()).isEqualTo(400);
		assertThat(noEvents.body()).contains("id=\"events-error\"").contains("Choose at least one");
		assertThat(this.jdbc.queryForObject("select count(*) from webhook_endpoint", Long.class)).isZero();
	}

	@Test
	void aRedirectIsNotFollowedButCountsAsAFailureAndIsRetried() throws Exception {
		Receiver elsewhere = receiver((exchange, count) -> 200);
		Receiver redirecting = receiver((Respond) (exchange, count) -> {
			if (count == 1) {
				exchange.getResponseHeaders().set("Location", elsewhere.url());
				exchange.sendResponseHeaders(302, -1);
			}
			else {
				exchange.sendResponseHeaders(204, -1);
			}
		});
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, redirecting.url(), "supporter.created");

		pledge("redirected-" + UUID.randomUUID() + "@example.org");
		this.delivery.deliverDue();

		assertThat(elsewhere.received).as("the redirect was not followed").isEmpty();
		assertThat(this.jdbc.queryForObject("select status from webhook_delivery", String.class)).isEqualTo("pending");
		assertThat(admin.get("/staff/admin/webhooks").body()).contains("Answered 302");
		this.jdbc.update("update webhook_delivery set next_attempt_at = now() where status = 'pending'");
		this.delivery.deliverDue();

		assertThat(redirecting.received).hasSize(2);
		assertThat(elsewhere.received).isEmpty();
		assertThat(this.jdbc.queryForObject("select status from webhook_delivery", String.class))
			.isEqualTo("delivered");
		assertThat(this.jdbc.queryForList("select response_code from webhook_attempt order by id", Integer.class))
			.containsExactly(302, 204);
	}

	@Test
	void anEndlessAnswerIsReadOnlyInPartAndTheDeliveryIsRecorded() throws Exception {
		AtomicLong sent = new AtomicLong();
		CountDownLatch cutOff = new CountDownLatch(1);
		Receiver endless = receiver((Respond) (exchange, count) -> {
			// 200 with a body that never ends (chunked): as much as 2 GB and more
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			try (OutputStream body = exchange.getResponseBody()) {
				while (sent.get() < ENDLESS_LIMIT) {
					body.write(chunk);
					sent.addAndGet(chunk.length);
				}
			}
			catch (IOException ex) {
				cutOff.countDown();
			}
		});
		Receiver healthy = receiver((exchange, count) -> 200);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		addEndpoint(admin, endless.url(), "supporter.created");
		addEndpoint(admin, healthy.url(), "supporter.created");

		pledge("endless-" + UUID.randomUUID() + "@example.org");
		this.delivery.deliverDue();

		assertThat(healthy.received).hasSize(1);
		assertThat(this.jdbc.queryForList(
				"select a.response_code from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id "
						+ "join webhook_endpoint e on e.id = d.endpoint_id where e.url = ?",
				Integer.class, endless.url()))
			.as("the 200 is recorded, the body is not waited for")
			.containsExactly(200);
		assertThat(this.jdbc.queryForObject(
				"select d.status from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where e.url = ?",
				String.class, endless.url()))
			.isEqualTo("delivered");
		assertThat(cutOff.await(30, TimeUnit.SECONDS)).as("the service hung up on the endless body").isTrue();
		assertThat(sent.get()).as("bytes the receiver got out before the service hung up")
			.isLessThan(ENDLESS_LIMIT / 16);
	}

	@Test
	void staffWhoAreNotAdminsCannotOpenTheWebhooksPage() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		StaffMember staff = StaffMember.signedIn(this.port, admin.addStaff("STAFF", "a long staff password"),
				"a long staff password");

		assertThat(staff.get("/staff/admin/webhooks").statusCode()).isEqualTo(403);
		assertThat(admin.get("/staff/admin/webhooks").statusCode()).isEqualTo(200);
	}

	private void assertRefused(StaffMember admin, String url, String message) {
		HttpResponse<String> refused = admin.postForm("/staff/admin/webhooks", "/staff/admin/webhooks",
				Map.of("url", url, "events", "pledge.started"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"url-error\"").contains(message).doesNotContain("new-webhook-secret");
	}

	private String addEndpoint(StaffMember admin, String url, String events) {
		HttpResponse<String> made = admin.postForm("/staff/admin/webhooks", "/staff/admin/webhooks",
				Map.of("url", url, "events", events));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
		Matcher secret = SECRET.matcher(made.body());
		assertThat(secret.find()).as("the secret, shown once").isTrue();
		return secret.group(1);
	}

	private void pledge(String email) {
		Reader reader = new Reader(this.port);
		HttpResponse<String> toCheckout = reader
			.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email));
		HttpResponse<String> paid = reader.pay(toCheckout, "4242 4242 4242 4242");
		assertThat(reader.get(Reader.location(paid)).body()).contains("You are now a supporter");
	}

	private void deliverAll() {
		for (int run = 0; run < 10 && this.jdbc
			.queryForObject("select count(*) from webhook_delivery where status = 'pending'", Long.class) > 0; run++) {
			this.delivery.deliverDue();
		}
	}

	private Receiver receiver(Answer answer) throws IOException {
		return receiver(
				(Respond) (exchange, count) -> exchange.sendResponseHeaders(answer.status(exchange, count), -1));
	}

	private Receiver receiver(Respond respond) throws IOException {
		Receiver receiver = new Receiver(respond);
		this.receivers.add(receiver);
		return receiver;
	}

	interface Answer {

		int status(HttpExchange exchange, int count) throws Exception;

	}

	/** Answers the request itself: headers and body. */
	interface Respond {

		void respond(HttpExchange exchange, int count) throws Exception;

	}

	record Received(String signature, String body) {
	}

	/** A webhook receiver on a free local port. */
	static final class Receiver {

		final List<Received> received = new CopyOnWriteArrayList<>();

		private final AtomicInteger count = new AtomicInteger();

		private final HttpServer server;

		private final ExecutorService threads = Executors.newCachedThreadPool();

		Receiver(Respond respond) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/hooks", (exchange) -> {
				try (exchange) {
					String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
					this.received
						.add(new Received(exchange.getRequestHeaders().getFirst("Supporters-Signature"), body));
					respond.respond(exchange, this.count.incrementAndGet());
				}
				catch (Exception ex) {
					throw new IOException(ex);
				}
			});
			this.server.setExecutor(this.threads);
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
		}

		List<String> bodies() {
			return this.received.stream().map(Received::body).toList();
		}

		void stop() {
			this.server.stop(0);
			this.threads.shutdownNow();
		}

	}

}
