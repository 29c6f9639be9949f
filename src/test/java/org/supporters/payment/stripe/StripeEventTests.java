package org.supporters.payment.stripe;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.membership.Membership;
import org.supporters.membership.MembershipService;
import org.supporters.payment.stripe.FakeStripe.Paid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's events arrive late, twice and in any order, and may race the objects they
 * describe: the records end as Stripe's current state says, refunds and lost disputes end
 * what they paid for, and a Stripe that fails to answer delays an event but never loses
 * it.
 */
class StripeEventTests extends StripeIntegrationTest {

	/** Six kinds of subscription life, each several times; see the stress case. */
	private static final int SCENARIOS = Integer.getInteger("stress.scenarios", 30);

	@Autowired
	MembershipService memberships;

	@Test
	void eventsInReverseOrderEndInStripesCurrentState() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		List<String> events = new ArrayList<>();
		events.add(stripe.event("customer.subscription.created", paid.subscription(), Instant.now()));
		events.add(stripe.event("invoice.paid", paid.invoice(), Instant.now()));
		stripe.object(paid.subscription()).addProperty("cancel_at_period_end", true);
		events.add(stripe.event("customer.subscription.updated", paid.subscription(), Instant.now()));

		Collections.reverse(events);
		events.forEach(this::deliverAndApply);

		assertThat(pledge(paid.subscription())).containsEntry("status", "active")
			.containsEntry("cancel_at_period_end", true);
		assertThat(payment(paid.invoice())).containsEntry("status", "succeeded");
		assertThat(membership(reader).status().code()).isEqualTo("canceling");
	}

	@Test
	void invoicePaidBeforeCheckoutSessionCompletedMakesOnePledgeWithItsPayment() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 500, "month", Map.of("tier", "friend"), Instant.now());
		JsonObject session = FakeStripe.json("id", FakeStripe.id("cs_test_"), "object", "checkout.session", "mode",
				"subscription", "status", "complete", "payment_status", "paid", "customer", reader.id(), "subscription",
				paid.subscription());
		stripe.put(session);

		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));
		assertThat(pledge(paid.subscription())).containsEntry("status", "active").containsEntry("tier", "friend");
		deliverAndApply(stripe.event("checkout.session.completed", session.get("id").getAsString(), Instant.now()));

		assertThat(count("select count(*) from pledge where provider_ref = ?", paid.subscription())).isEqualTo(1);
		assertThat(count("select count(*) from payment where provider_ref = ?", paid.invoice())).isEqualTo(1);
	}

	@Test
	void subscriptionDeletedThenALateSubscriptionUpdatedStaysCanceled() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of(), Instant.now());
		String staleUpdate = stripe.event("customer.subscription.updated", paid.subscription(), Instant.now());
		JsonObject subscription = stripe.object(paid.subscription());
		subscription.addProperty("status", "canceled");
		subscription.add("cancellation_details",
				FakeStripe.json("comment", null, "feedback", null, "reason", "cancellation_requested"));

		deliverAndApply(stripe.event("customer.subscription.deleted", paid.subscription(), Instant.now()));
		deliverAndApply(staleUpdate);

		assertThat(pledge(paid.subscription())).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "canceled");
		assertThat(membership(reader).status().code()).as("a reader who canceled keeps the period paid for")
			.isEqualTo("canceling");
	}

	@Test
	void fullRefundEndsTheMembershipItPaidForAndStopsTheSubscription() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));
		assertThat(membership(reader).member()).isTrue();

		stripe.refund(paid.charge(), 1000);
		deliverAndApply(stripe.event("charge.refunded", paid.charge(), Instant.now()));

		assertThat(payment(paid.invoice())).containsEntry("status", "refunded").containsEntry("refunded_minor", 1000L);
		assertThat(pledge(paid.subscription())).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "refunded");
		assertThat(membership(reader).member()).isFalse();
		assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + paid.subscription())).singleElement()
			.satisfies((request) -> assertThat(request.params()).containsEntry("cancellation_details[comment]",
					"refunded"));
	}

	@Test
	void fullRefundAfterTheReaderCanceledEndsThePaidPeriodAtOnce() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		JsonObject subscription = stripe.object(paid.subscription());
		subscription.addProperty("status", "canceled");
		subscription.add("cancellation_details",
				FakeStripe.json("comment", null, "feedback", null, "reason", "cancellation_requested"));
		String lateUpdate = stripe.event("customer.subscription.updated", paid.subscription(), Instant.now());
		deliverAndApply(stripe.event("customer.subscription.deleted", paid.subscription(), Instant.now()));
		assertThat(membership(reader).status().code()).isEqualTo("canceling");

		stripe.refund(paid.charge(), 1000);
		deliverAndApply(stripe.event("charge.refunded", paid.charge(), Instant.now()));
		deliverAndApply(lateUpdate);

		assertThat(pledge(paid.subscription())).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "refunded");
		assertThat(membership(reader).member()).isFalse();
	}

	@Test
	void partialRefundKeepsTheMembership() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));

		stripe.refund(paid.charge(), 300);
		deliverAndApply(stripe.event("charge.refunded", paid.charge(), Instant.now()));

		assertThat(payment(paid.invoice())).containsEntry("status", "partially_refunded")
			.containsEntry("refunded_minor", 300L);
		assertThat(pledge(paid.subscription())).containsEntry("status", "active");
		assertThat(membership(reader).status().code()).isEqualTo("active");
		assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + paid.subscription())).isEmpty();
	}

	@Test
	void fullyRefundedOneOffContributionEndsTheContributorMembership() {
		Customer reader = customer();
		Paid paid = stripe.paidOneOff(reader.id(), 2500, Map.of(), Instant.now());
		deliverAndApply(stripe.event("charge.succeeded", paid.charge(), Instant.now()));
		assertThat(membership(reader).status().code()).isEqualTo("contributor");

		stripe.refund(paid.charge(), 2500);
		deliverAndApply(stripe.event("charge.refunded", paid.charge(), Instant.now()));

		assertThat(pledge(paid.paymentIntent())).containsEntry("status", "refunded")
			.containsEntry("ended_reason", "refunded");
		assertThat(membership(reader).member()).isFalse();
	}

	@Test
	void aOneOffContributionAppliedDaysLateCountsFromWhenTheReaderPaid() {
		Customer reader = customer();
		Instant paidAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		Paid paid = stripe.paidOneOff(reader.id(), 2500, Map.of(), paidAt);

		deliverAndApply(stripe.event("charge.succeeded", paid.charge(), paidAt));

		assertThat(membership(reader).status().code()).isEqualTo("contributor");
		assertThat(membership(reader).validUntil()).as("90 days from the payment, not from the late webhook")
			.isEqualTo(paidAt.plus(Duration.ofDays(90)));
	}

	@Test
	void fullRefundOfAnEarlierPeriodsPaymentIsRecordedAndKeepsTheCurrentPeriod() {
		Customer reader = customer();
		Instant start = Instant.now().minus(Duration.ofDays(35));
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), start);
		String renewal = renewal(paid, reader, start.plus(Duration.ofDays(30)));
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), start));
		deliverAndApply(stripe.event("invoice.paid", renewal, Instant.now()));

		stripe.refund(paid.charge(), 1000);
		deliverAndApply(stripe.event("charge.refunded", paid.charge(), Instant.now()));

		assertThat(payment(paid.invoice())).containsEntry("status", "refunded").containsEntry("refunded_minor", 1000L);
		assertThat(pledge(paid.subscription())).containsEntry("status", "active").containsEntry("ended_reason", null);
		assertThat(membership(reader).status().code()).isEqualTo("active");
		assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + paid.subscription())).isEmpty();
	}

	@Test
	void fullRefundOfThePaymentForTheCurrentPeriodEndsThePledgeAtOnce() {
		Customer reader = customer();
		Instant start = Instant.now().minus(Duration.ofDays(35));
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), start);
		String renewal = renewal(paid, reader, start.plus(Duration.ofDays(30)));
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), start));
		deliverAndApply(stripe.event("invoice.paid", renewal, Instant.now()));

		stripe.refund(stripe.object(renewal).get("__charge").getAsString(), 1000);
		deliverAndApply(
				stripe.event("charge.refunded", stripe.object(renewal).get("__charge").getAsString(), Instant.now()));

		assertThat(pledge(paid.subscription())).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "refunded");
		assertThat(membership(reader).member()).isFalse();
		assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + paid.subscription())).hasSize(1);
	}

	@Test
	void lostDisputeOfAnEarlierPeriodsPaymentEndsThePledge() {
		Customer reader = customer();
		Instant start = Instant.now().minus(Duration.ofDays(35));
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), start);
		String renewal = renewal(paid, reader, start.plus(Duration.ofDays(30)));
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), start));
		deliverAndApply(stripe.event("invoice.paid", renewal, Instant.now()));

		String dispute = stripe.dispute(paid.charge(), "lost");
		deliverAndApply(stripe.event("charge.dispute.closed", dispute, Instant.now()));

		assertThat(payment(paid.invoice())).containsEntry("status", "dispute_lost");
		assertThat(pledge(paid.subscription())).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "dispute_lost");
		assertThat(membership(reader).member()).isFalse();
	}

	/**
	 * Stripe renews the subscription for the period starting {@code at}: its latest
	 * invoice.
	 */
	private String renewal(Paid paid, Customer reader, Instant at) {
		String renewal = stripe.paidInvoice(paid.subscription(), reader.id(), 1000, at);
		JsonObject subscription = stripe.object(paid.subscription());
		subscription.addProperty("latest_invoice", renewal);
		JsonObject item = subscription.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
		item.addProperty("current_period_start", at.getEpochSecond());
		item.addProperty("current_period_end", at.plus(Duration.ofDays(30)).getEpochSecond());
		return renewal;
	}

	@Test
	void lostDisputeEndsTheMembershipWithTheReasonRecorded() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));

		String dispute = stripe.dispute(paid.charge(), "needs_response");
		deliverAndApply(stripe.event("charge.dispute.created", dispute, Instant.now()));
		assertThat(payment(paid.invoice())).containsEntry("status", "disputed");
		assertThat(membership(reader).member()).as("a dispute still open changes nothing yet").isTrue();

		stripe.dispute(paid.charge(), "lost");
		deliverAndApply(stripe.event("charge.dispute.closed", dispute, Instant.now()));

		assertThat(payment(paid.invoice())).containsEntry("status", "dispute_lost");
		assertThat(pledge(paid.subscription())).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "dispute_lost");
		assertThat(membership(reader).member()).isFalse();
	}

	@Test
	void wonDisputeKeepsTheMembership() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));
		String dispute = stripe.dispute(paid.charge(), "needs_response");
		deliverAndApply(stripe.event("charge.dispute.created", dispute, Instant.now()));

		stripe.dispute(paid.charge(), "won");
		deliverAndApply(stripe.event("charge.dispute.closed", dispute, Instant.now()));

		assertThat(payment(paid.invoice())).containsEntry("status", "succeeded");
		assertThat(pledge(paid.subscription())).containsEntry("status", "active");
		assertThat(membership(reader).status().code()).isEqualTo("active");
	}

	@Test
	void aFreeTrialInvoiceMakesThePledgeActiveWithoutAPayment() {
		Customer reader = customer();
		Paid trial = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		stripe.object(trial.subscription()).addProperty("status", "trialing");
		stripe.object(trial.invoice()).addProperty("amount_due", 0);
		stripe.object(trial.invoice()).addProperty("amount_paid", 0);

		String event = stripe.event("invoice.paid", trial.invoice(), Instant.now());
		deliverAndApply(event);

		assertThat(count("select count(*) from provider_event where event_id = ? and processed_at is not null",
				JsonParser.parseString(event).getAsJsonObject().get("id").getAsString()))
			.as("applied, not retried")
			.isEqualTo(1);
		assertThat(pledge(trial.subscription())).containsEntry("status", "active");
		assertThat(count("select count(*) from payment where provider_ref = ?", trial.invoice())).as("no money moved")
			.isZero();
		assertThat(membership(reader).member()).isTrue();
	}

	@Test
	void failedRenewalMakesThePledgePastDue() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of(), Instant.now());
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));
		String renewal = stripe.paidInvoice(paid.subscription(), reader.id(), 1000, Instant.now());
		stripe.failInvoice(renewal);
		stripe.object(paid.subscription()).addProperty("status", "past_due");

		deliverAndApply(stripe.event("invoice.payment_failed", renewal, Instant.now()));

		assertThat(payment(renewal)).containsEntry("status", "failed");
		Map<String, Object> pledge = pledge(paid.subscription());
		assertThat(pledge).containsEntry("status", "past_due");
		long paidUpTo = stripe.object(paid.subscription())
			.getAsJsonObject("items")
			.getAsJsonArray("data")
			.get(0)
			.getAsJsonObject()
			.get("current_period_start")
			.getAsLong();
		assertThat(((java.sql.Timestamp) pledge.get("current_period_end")).toInstant())
			.as("grace counts from the end of what was paid, not from the end of the unpaid period")
			.isEqualTo(Instant.ofEpochSecond(paidUpTo));
	}

	@Test
	void stripeAnswering500OnTheRefetchDelaysTheEventWithoutLosingIt() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of(), Instant.now());
		String event = stripe.event("customer.subscription.updated", paid.subscription(), Instant.now());
		stripe.failNext("/v1/subscriptions/" + paid.subscription(), 1, 500);

		assertThat(deliver(event)).isEqualTo(200);
		this.inbox.applyDue();

		Map<String, Object> waiting = stored(event);
		assertThat(waiting.get("processed_at")).isNull();
		assertThat(waiting).containsEntry("attempts", 1);
		assertThat((String) waiting.get("last_error")).contains("500");
		assertThat(count("select count(*) from pledge where provider_ref = ?", paid.subscription())).isZero();

		this.inbox.applyNow("stripe", eventId(event));
		assertThat(stored(event).get("processed_at")).isNotNull();
		assertThat(pledge(paid.subscription())).containsEntry("status", "active");
	}

	@Test
	void stripeTimingOutOnTheRefetchDelaysTheEventWithoutLosingIt() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of(), Instant.now());
		String event = stripe.event("invoice.paid", paid.invoice(), Instant.now());
		stripe.stallNext("/v1/invoices/" + paid.invoice(), 1, Duration.ofSeconds(4));

		assertThat(deliver(event)).isEqualTo(200);
		this.inbox.applyDue();

		assertThat(stored(event).get("processed_at")).isNull();
		assertThat((String) stored(event).get("last_error")).contains("StripeCallFailedException");

		this.inbox.applyNow("stripe", eventId(event));
		assertThat(pledge(paid.subscription())).containsEntry("status", "active");
		assertThat(payment(paid.invoice())).containsEntry("status", "succeeded");
	}

	@Test
	void eventAboutACustomerNotKnownYetWaitsAndCreatesNothing() {
		String stranger = FakeStripe.id("cus_");
		Paid paid = stripe.paidSubscription(stranger, 1000, "month", Map.of(), Instant.now());
		String event = stripe.event("invoice.paid", paid.invoice(), Instant.now());

		assertThat(deliver(event)).isEqualTo(200);
		this.inbox.applyDue();

		assertThat(stored(event).get("processed_at")).isNull();
		assertThat((String) stored(event).get("last_error")).contains("not one of ours yet");
		assertThat(count("select count(*) from pledge where provider_ref = ?", paid.subscription())).isZero();
		assertThat(count("select count(*) from provider_event where event_id = ? and next_attempt_at > now()",
				eventId(event)))
			.as("retried later, with backoff")
			.isEqualTo(1);
	}

	/**
	 * Subscriptions' lives sent as signed events with three duplicates to every seven
	 * events, shuffled. The build runs {@link #SCENARIOS} of them, every kind of life
	 * five times; the thousand-event case is one command away:
	 * {@code ./mvnw test -Dtest=StripeEventTests -Dstress.scenarios=100}. Throughput is
	 * the webhook benchmark's (bench/webhooks).
	 */
	@Test
	void signedEventsWithDuplicatesInShuffledOrderEndAsTheSameEventsAppliedOnceInOrder() {
		Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		List<Scenario> inOrder = new ArrayList<>();
		List<Scenario> shuffled = new ArrayList<>();
		for (int i = 0; i < SCENARIOS; i++) {
			inOrder.add(scenario(i, start));
			shuffled.add(scenario(i, start));
		}
		List<String> once = inOrder.stream().flatMap((scenario) -> scenario.events().stream()).toList();
		List<String> unique = shuffled.stream().flatMap((scenario) -> scenario.events().stream()).toList();
		assertThat(unique).hasSize(SCENARIOS * 7);
		Random random = new Random(42);
		List<String> delivery = new ArrayList<>(unique);
		for (int i = 0; i < SCENARIOS * 3; i++) {
			delivery.add(unique.get(random.nextInt(unique.size())));
		}
		Collections.shuffle(delivery, random);
		assertThat(delivery).hasSize(SCENARIOS * 10);

		once.forEach(this::deliverAndApply);
		for (String event : delivery) {
			assertThat(deliver(event)).isEqualTo(200);
		}
		this.inbox.applyDue();

		for (int i = 0; i < SCENARIOS; i++) {
			assertThat(outcome(shuffled.get(i))).as("scenario %d", i).isEqualTo(outcome(inOrder.get(i)));
		}
		assertThat(outcome(inOrder.get(1)).pledge()).contains("canceled", "refunded");
		assertThat(outcome(inOrder.get(3)).pledge()).contains("canceled", "dispute_lost");
		assertThat(count("select count(*) from provider_event where event_id = any(?) and processed_at is null",
				(Object) unique.stream().map(StripeEventTests::eventId).toArray(String[]::new)))
			.isZero();
	}

	/**
	 * One subscription's life at Stripe, as it stands now, and the seven events Stripe
	 * sent about it.
	 */
	private Scenario scenario(int index, Instant start) {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000 + index, "month", Map.of("tier", "supporter"), start);
		String renewal = stripe.paidInvoice(paid.subscription(), reader.id(), 1000 + index, start);
		JsonObject subscription = stripe.object(paid.subscription());
		subscription.addProperty("latest_invoice", renewal);
		String renewalCharge = stripe.object(renewal).get("__charge").getAsString();
		List<String> events = new ArrayList<>();
		events.add(stripe.event("customer.subscription.created", paid.subscription(), start));
		events.add(stripe.event("invoice.paid", paid.invoice(), start));
		events.add(stripe.event("invoice.paid", renewal, start));
		events.add(stripe.event("customer.subscription.updated", paid.subscription(), start));
		switch (index % 6) {
			case 0 -> {
				events.add(stripe.event("invoice.payment_succeeded", renewal, start));
				events.add(stripe.event("charge.succeeded", renewalCharge, start));
				events.add(stripe.event("customer.subscription.updated", paid.subscription(), start));
			}
			case 1, 2 -> {
				stripe.refund(renewalCharge, (index % 6 == 1) ? 1000 + index : 100);
				events.add(stripe.event("charge.refunded", renewalCharge, start));
				events.add(stripe.event("customer.subscription.updated", paid.subscription(), start));
				events.add(stripe.event("invoice.paid", renewal, start));
			}
			case 3, 4 -> {
				String dispute = stripe.dispute(renewalCharge, "needs_response");
				events.add(stripe.event("charge.dispute.created", dispute, start));
				stripe.dispute(renewalCharge, (index % 6 == 3) ? "lost" : "won");
				events.add(stripe.event("charge.dispute.closed", dispute, start));
				events.add(stripe.event("customer.subscription.updated", paid.subscription(), start));
			}
			default -> {
				subscription.addProperty("cancel_at_period_end", true);
				events.add(stripe.event("customer.subscription.updated", paid.subscription(), start));
				subscription.addProperty("status", "canceled");
				subscription.add("cancellation_details",
						FakeStripe.json("comment", null, "feedback", null, "reason", "cancellation_requested"));
				events.add(stripe.event("customer.subscription.deleted", paid.subscription(), start));
				events.add(stripe.event("invoice.paid", renewal, start));
			}
		}
		return new Scenario(reader, paid, renewal, events);
	}

	private Outcome outcome(Scenario scenario) {
		Map<String, Object> pledge = pledge(scenario.paid().subscription());
		return new Outcome(
				List.of(String.valueOf(pledge.get("status")), String.valueOf(pledge.get("ended_reason")),
						String.valueOf(pledge.get("cancel_at_period_end")), String.valueOf(pledge.get("tier"))),
				List.of(payment(scenario.paid().invoice()).toString(), payment(scenario.renewal()).toString()),
				membership(scenario.reader()).status().code());
	}

	private Membership membership(Customer reader) {
		return this.memberships.membershipOfEmail(reader.email()).orElseThrow();
	}

	private Map<String, Object> stored(String event) {
		return this.jdbc.queryForMap(
				"select processed_at, attempts, last_error from provider_event where provider = 'stripe' and event_id = ?",
				eventId(event));
	}

	private static String eventId(String event) {
		return FakeStripe.parse(event).get("id").getAsString();
	}

	private record Scenario(Customer reader, Paid paid, String renewal, List<String> events) {
	}

	private record Outcome(List<String> pledge, List<String> payments, String membership) {
	}

}
