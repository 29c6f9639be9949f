package org.supporters.payment.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
