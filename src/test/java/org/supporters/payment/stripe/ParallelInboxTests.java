package org.supporters.payment.stripe;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.supporters.SupportersApplication;
import org.supporters.TestDatabase;
import org.supporters.payment.stripe.FakeStripe.Paid;
import org.supporters.payment.stripe.FakeStripe.Served;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog of Stripe events is applied by several workers at once: many subscriptions in
 * parallel, one subscription's events one at a time and in the order received, and a
 * failing event holds up no other. Stripe answers each re-fetch after a little while, so
 * that reads of one subscription would overlap if they ran at once.
 */
class ParallelInboxTests extends StripeIntegrationTest {

	private static final Duration LATENCY = Duration.ofMillis(15);

	@TempDir
	Path temp;

	@Test
	void subscriptionsAreReadInParallelAndEachSubscriptionsEventsOneAtATimeInTheOrderReceived() {
		Backlog backlog = backlog(30, 4);
		backlog.deliverAll();
		stripe.answerAfter(LATENCY);

		this.inbox.applyDue();

		backlog.assertAppliedOnceEach();
		backlog.assertOneAtATimeInOrderPerSubscription();
		List<Served> reads = backlog.served();
		assertThat(reads.stream()
			.anyMatch((read) -> reads.stream()
				.anyMatch((other) -> read.overlaps(other)
						&& !backlog.subscriptionOf(read).equals(backlog.subscriptionOf(other)))))
			.as("two subscriptions read at the same time")
			.isTrue();
	}

	@Test
	void aFailingEventHoldsUpNoOtherEvent() {
		Backlog backlog = backlog(3, 2);
		Customer reader = customer();
		// Stripe has not confirmed this subscription: its paid invoice names a pledge the
		// ledger does not know, and applying it fails
		Paid unconfirmed = stripe.paidSubscription(reader.id(), 500, "month", Map.of("tier", "friend"), Instant.now());
		stripe.object(unconfirmed.subscription()).addProperty("status", "incomplete");
		String unreadable = backlog.invoices.get(0).get(0);
		stripe.failNext("/v1/invoices/" + unreadable, 1, 500);
		backlog.deliverAll();
		String failing = eventIdOf(deliverInvoicePaid(unconfirmed.invoice()));

		this.inbox.applyDue();

		for (String eventId : List.of(backlog.eventOf.get(unreadable), failing)) {
			Map<String, Object> event = this.jdbc.queryForMap("""
					select processed_at, attempts, last_error, next_attempt_at > now() as later
					from provider_event where event_id = ?""", eventId);
			assertThat(event.get("processed_at")).isNull();
			assertThat(event).containsEntry("attempts", 1).containsEntry("later", true);
			assertThat((String) event.get("last_error")).isNotBlank();
		}
		assertThat(count("""
				select count(*) from provider_event
				where event_id = any(?) and processed_at is not null and last_error is null""",
				(Object) backlog.eventOf.values()
					.stream()
					.filter((id) -> !id.equals(backlog.eventOf.get(unreadable)))
					.toArray(String[]::new)))
			.as("every other event, the failing one's subscription's next one too")
			.isEqualTo(backlog.eventOf.size() - 1);
	}

	@Test
	void aBacklogDrainsCompletelyWithTwoInstancesAtOnce() {
		Backlog backlog = backlog(40, 4);
		try (ConfigurableApplicationContext second = secondInstance()) {
			stripe.answerAfter(LATENCY);
			// the second instance's worker starts on the events as they come in
			backlog.deliverAll();

			// this one's workers join in, and wait for the events the other one holds
			this.inbox.applyDue();

			backlog.assertAppliedOnceEach();
			backlog.assertOneAtATimeInOrderPerSubscription();
		}
	}

	private ConfigurableApplicationContext secondInstance() {
		TestDatabase.Connection database = TestDatabase.connection();
		return new SpringApplicationBuilder(SupportersApplication.class)
			.properties("server.port=0", "supporters.data-dir=" + this.temp.resolve("var"),
					"spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "stripe.secret-key=sk_test_supporters",
					"stripe.webhook-secret=" + WEBHOOK_SECRET, "stripe.api-base=" + stripe.baseUrl(),
					"stripe.read-timeout=2s", "stripe.max-network-retries=0", "stripe.reconcile-interval=1h",
					"supporters.public-url=http://localhost:" + this.port, "supporters.inbox.poll-interval=50ms",
					"supporters.pledge.expiry-interval=1h", "supporters.mail.retry-interval=1h",
					"supporters.mail.notice-interval=1h", "supporters.import.campaign-interval=1h",
					"supporters.webhooks.delivery-interval=1h")
			.run();
	}

	/**
	 * {@code subscriptions} paid subscriptions with {@code invoices} paid invoices each,
	 * their invoice.paid events to be delivered round after round: every subscription's
	 * first invoice, then every second one, and so on.
	 */
	private Backlog backlog(int subscriptions, int invoices) {
		Backlog backlog = new Backlog();
		Instant start = Instant.now().minus(Duration.ofDays(30L * invoices));
		for (int s = 0; s < subscriptions; s++) {
			Customer reader = customer();
			Paid paid = stripe.paidSubscription(reader.id(), 500, "month", Map.of("tier", "friend"), start);
			List<String> ofSubscription = new ArrayList<>(List.of(paid.invoice()));
			for (int i = 1; i < invoices; i++) {
				ofSubscription.add(stripe.paidInvoice(paid.subscription(), reader.id(), 500,
						start.plus(Duration.ofDays(30L * i))));
			}
			backlog.subscriptions.add(paid.subscription());
			backlog.invoices.add(ofSubscription);
			backlog.subscriptionOfObject.put(paid.subscription(), paid.subscription());
			for (String invoice : ofSubscription) {
				backlog.subscriptionOfObject.put(invoice, paid.subscription());
				backlog.subscriptionOfObject.put(stripe.object(invoice).get("__payment_intent").getAsString(),
						paid.subscription());
				backlog.subscriptionOfObject.put(stripe.object(invoice).get("__charge").getAsString(),
						paid.subscription());
			}
		}
		return backlog;
	}

	private String deliverInvoicePaid(String invoice) {
		String event = stripe.event("invoice.paid", invoice, Instant.now());
		assertThat(deliver(event)).isEqualTo(200);
		return event;
	}

	private static String eventIdOf(String event) {
		return FakeStripe.parse(event).get("id").getAsString();
	}

	private final class Backlog {

		final List<String> subscriptions = new ArrayList<>();

		/** Each subscription's invoices, in the order their events are delivered. */
		final List<List<String>> invoices = new ArrayList<>();

		final Map<String, String> subscriptionOfObject = new HashMap<>();

		final Map<String, String> eventOf = new HashMap<>();

		void deliverAll() {
			int rounds = this.invoices.get(0).size();
			for (int round = 0; round < rounds; round++) {
				for (List<String> ofSubscription : this.invoices) {
					String invoice = ofSubscription.get(round);
					this.eventOf.put(invoice, eventIdOf(deliverInvoicePaid(invoice)));
				}
			}
		}

		/** The Stripe reads of this backlog's objects. */
		List<Served> served() {
			return stripe.served().stream().filter((read) -> subscriptionOf(read) != null).toList();
		}

		String subscriptionOf(Served read) {
			if (read.path().equals("/v1/invoice_payments")) {
				return this.subscriptionOfObject.get(read.params().get("invoice"));
			}
			return this.subscriptionOfObject.get(read.path().substring(read.path().lastIndexOf('/') + 1));
		}

		void assertAppliedOnceEach() {
			String[] events = this.eventOf.values().toArray(String[]::new);
			assertThat(count("""
					select count(*) from provider_event
					where event_id = any(?) and processed_at is not null and attempts = 1 and last_error is null""",
					(Object) events))
				.as("every event applied, at the first attempt")
				.isEqualTo(events.length);
			String[] invoiceIds = this.invoices.stream().flatMap(List::stream).toArray(String[]::new);
			assertThat(count("select count(*) from payment where provider = 'stripe' and provider_ref = any(?)",
					(Object) invoiceIds))
				.isEqualTo(invoiceIds.length);
			assertThat(count("select count(*) from pledge where provider = 'stripe' and provider_ref = any(?)",
					(Object) this.subscriptions.toArray(String[]::new)))
				.isEqualTo(this.subscriptions.size());
		}

		/**
		 * No two reads of one subscription overlap, and its invoices were read in the
		 * order their events came in.
		 */
		void assertOneAtATimeInOrderPerSubscription() {
			Map<String, List<Served>> bySubscription = served().stream()
				.collect(Collectors.groupingBy(this::subscriptionOf));
			for (int s = 0; s < this.subscriptions.size(); s++) {
				String subscription = this.subscriptions.get(s);
				List<Served> reads = bySubscription.get(subscription)
					.stream()
					.sorted(Comparator.comparingLong(Served::started))
					.toList();
				for (int i = 1; i < reads.size(); i++) {
					assertThat(reads.get(i).started())
						.as("subscription %s read %s while reading %s", subscription, reads.get(i).path(),
								reads.get(i - 1).path())
						.isGreaterThanOrEqualTo(reads.get(i - 1).ended());
				}
				assertThat(reads.stream()
					.filter((read) -> read.path().startsWith("/v1/invoices/"))
					.map((read) -> read.path().substring("/v1/invoices/".length()))
					.toList()).as("subscription %s's invoices in the order received", subscription)
					.isEqualTo(this.invoices.get(s));
			}
		}

	}

}
