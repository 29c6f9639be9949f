package org.supporters.payment.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.supporters.Scrape;
import org.supporters.payment.stripe.FakeStripe.Paid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's webhook: only events signed with the endpoint's secret, recently, get in; each
 * is stored once and applied once.
 */
class StripeWebhookTests extends StripeIntegrationTest {

	@Test
	void validlySignedEventIsStoredAnsweredAtOnceAndAppliedByTheWorker() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		String event = stripe.event("invoice.paid", paid.invoice(), Instant.now());

		assertThat(deliver(event)).isEqualTo(200);
		assertThat(stored(event)).isEqualTo(1);
		assertThat(count("select count(*) from provider_event where event_id = ? and processed_at is null",
				eventId(event)))
			.as("stored, not yet applied: the answer does not wait for Stripe calls")
			.isEqualTo(1);

		this.inbox.applyDue();
		assertThat(pledge(paid.subscription())).containsEntry("status", "active")
			.containsEntry("tier", "supporter")
			.containsEntry("email", reader.email());
		assertThat(payment(paid.invoice())).containsEntry("status", "succeeded").containsEntry("amount_minor", 1000L);
	}

	@Test
	void eventWithTextBeyondAsciiIsVerifiedOnItsUtf8Bytes() {
		String event = FakeStripe
			.eventObject(FakeStripe.id("evt_"), "customer.updated",
					FakeStripe.json("id", FakeStripe.id("cus_"), "object", "customer", "name", "Zoë Çelik — Łódź"),
					Instant.now())
			.toString();

		assertThat(deliver(event)).isEqualTo(200);
		assertThat(stored(event)).isEqualTo(1);
	}

	@Test
	void tamperedBodyIsRefusedAndNothingStored() {
		String event = someEvent();
		String signature = sign(event, WEBHOOK_SECRET, Instant.now());
		String tampered = event.replace("\"livemode\":false", "\"livemode\":true");

		assertThat(post(tampered, signature)).isEqualTo(400);
		assertThat(stored(event)).isZero();
	}

	@Test
	void eventSignedWithAnotherSecretIsRefused() {
		String event = someEvent();

		assertThat(post(event, sign(event, "whsec_someone_else", Instant.now()))).isEqualTo(400);
		assertThat(stored(event)).isZero();
	}

	@Test
	void eventSignedMoreThanFiveMinutesAgoIsRefused() {
		String event = someEvent();

		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now().minus(Duration.ofSeconds(301)))))
			.isEqualTo(400);
		assertThat(stored(event)).isZero();
	}

	@Test
	void eventWithoutSignatureHeaderIsRefused() {
		String event = someEvent();

		assertThat(post(event, null)).isEqualTo(400);
		assertThat(stored(event)).isZero();
	}

	@Test
	void sameEventDeliveredTwiceIsStoredOnceAndPaysOnce() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of(), Instant.now());
		String event = stripe.event("invoice.paid", paid.invoice(), Instant.now());

		assertThat(deliver(event)).isEqualTo(200);
		this.inbox.applyDue();
		assertThat(deliver(event)).isEqualTo(200);
		this.inbox.applyDue();

		assertThat(stored(event)).isEqualTo(1);
		assertThat(count("select count(*) from payment where provider_ref = ?", paid.invoice())).isEqualTo(1);
		assertThat(count("select count(*) from pledge where provider_ref = ?", paid.subscription())).isEqualTo(1);
	}

	@Test
	void floodOfBadlySignedEventsStoresNothing() {
		long before = count("select count(*) from provider_event");
		for (int i = 0; i < 300; i++) {
			String event = someEvent();
			String signature = switch (i % 3) {
				case 0 -> sign(event, "whsec_forged_" + i, Instant.now());
				case 1 -> "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64);
				default -> sign(event + " ", WEBHOOK_SECRET, Instant.now());
			};
			assertThat(post(event, signature)).isEqualTo(400);
		}
		assertThat(count("select count(*) from provider_event")).isEqualTo(before);
	}

	@Test
	void eventsRefusedForTheirSignatureAreCountedForTheOperatorAndGoodOnesAreNot() {
		String failures = "supporters_webhook_signature_failures_total";
		double before = Scrape.of(this.port).value(failures, "provider=\"stripe\"");
		String event = someEvent();

		assertThat(post(event, sign(event, "whsec_someone_else", Instant.now()))).isEqualTo(400);
		assertThat(post(event.replace("\"livemode\":false", "\"livemode\":true"),
				sign(event, WEBHOOK_SECRET, Instant.now())))
			.isEqualTo(400);
		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now().minus(Duration.ofSeconds(301)))))
			.isEqualTo(400);
		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now().plus(Duration.ofSeconds(310)))))
			.isEqualTo(400);
		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now()))).isEqualTo(200);

		assertThat(Scrape.of(this.port).value(failures, "provider=\"stripe\"")).isEqualTo(before + 4);
	}

	@Test
	void eventSignedForTheFutureIsRefused() {
		String event = someEvent();
		// 310 s, not 301: the header's t= is in whole seconds, and the service may read
		// its
		// clock in the next second

		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now().plus(Duration.ofSeconds(310)))))
			.isEqualTo(400);
		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now().plus(Duration.ofDays(115))))).isEqualTo(400);
		assertThat(stored(event)).isZero();
		assertThat(post(event, sign(event, WEBHOOK_SECRET, Instant.now().plus(Duration.ofSeconds(60)))))
			.as("a clock a minute ahead")
			.isEqualTo(200);
	}

	@Test
	void signedBodiesThatCannotBeStripeEventsAreRefusedWithTheReasonAndNothingIsLeftPending() {
		String invoice = "{\"id\":\"in_1\",\"object\":\"invoice\"}";
		Map<String, String> bodies = Map.of("an id over 255 characters",
				event("evt_" + "x".repeat(300), "invoice.paid", invoice), "a type over 200 characters",
				event(FakeStripe.id("evt_"), "t".repeat(201), invoice), "a NUL character",
				event(FakeStripe.id("evt_"), "invoice.paid",
						"{\"id\":\"in_1\",\"object\":\"invoice\",\"description\":\"a\\u0000b\"}"),
				"an unpaired surrogate",
				event(FakeStripe.id("evt_"), "invoice.paid",
						"{\"id\":\"in_1\",\"object\":\"invoice\",\"description\":\"a\\ud800b\"}"),
				"no data", "{\"id\":\"" + FakeStripe.id("evt_") + "\",\"object\":\"event\",\"type\":\"invoice.paid\"}",
				"data.object is no object", event(FakeStripe.id("evt_"), "invoice.paid", "\"in_1\""),
				"data.object without an id", event(FakeStripe.id("evt_"), "invoice.paid", "{\"object\":\"invoice\"}"));
		long before = count("select count(*) from provider_event");

		bodies.forEach((what, body) -> {
			HttpResponse<String> answer = postForAnswer(body);
			assertThat(answer.statusCode()).as(what).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).as(what)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.body()).as(what).contains("Not a Stripe event: ");
		});
		assertThat(count("select count(*) from provider_event")).isEqualTo(before);
	}

	private static String event(String id, String type, String object) {
		return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":"
				+ Instant.now().getEpochSecond() + ",\"data\":{\"object\":" + object + "}}";
	}

	private HttpResponse<String> postForAnswer(String payload) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/webhooks/stripe")))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", sign(payload, WEBHOOK_SECRET, Instant.now()))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String someEvent() {
		return FakeStripe
			.eventObject(FakeStripe.id("evt_"), "customer.subscription.updated",
					FakeStripe.json("id", FakeStripe.id("sub_"), "object", "subscription"), Instant.now())
			.toString();
	}

	private long stored(String event) {
		return count("select count(*) from provider_event where provider = 'stripe' and event_id = ?", eventId(event));
	}

	private static String eventId(String event) {
		return FakeStripe.parse(event).get("id").getAsString();
	}

}
