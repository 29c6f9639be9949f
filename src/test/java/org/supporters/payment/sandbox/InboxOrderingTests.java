package org.supporters.payment.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.supporter.Provider;
import org.supporters.supporter.PledgeReported.State;
import org.supporters.supporter.PaymentStatus;
import org.supporters.IntegrationTest;
import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PledgeReported;
import org.supporters.payment.ProviderEventInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider events arrive late, twice or out of order; the records end up right all the
 * same.
 */
class InboxOrderingTests extends IntegrationTest {

	@Autowired
	SandboxEvents events;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	SandboxClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sameEventDeliveredTwiceIsStoredOnceAndAppliedOnce() {
		String email = email();
		String subscription = SandboxIds.next("sub_sbx_");
		Instant at = this.clock.instant();
		PledgeReported pledge = pledge(subscription, email, State.ACTIVE, at);
		PaymentReported payment = payment(SandboxIds.next("py_sbx_"), subscription, PaymentStatus.SUCCEEDED, at);
		String eventId = SandboxIds.next("evt_sbx_");

		this.events.send(eventId, "invoice.paid", at, pledge, payment);
		this.events.send(eventId, "invoice.paid", at, pledge, payment);
		this.inbox.applyNow(SandboxEvents.PROVIDER, eventId);
		this.inbox.applyNow(SandboxEvents.PROVIDER, eventId);

		assertThat(
				this.jdbc.queryForObject("select count(*) from provider_event where event_id = ?", Long.class, eventId))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from payment pay join pledge p on p.id = pay.pledge_id where p.provider_ref = ?""",
				Long.class, subscription))
			.isEqualTo(1);
	}

	@Test
	void olderReportArrivingAfterANewerOneChangesNothing() {
		String email = email();
		String subscription = SandboxIds.next("sub_sbx_");
		Instant renewedAt = this.clock.instant();
		Instant failedLater = renewedAt.plus(Duration.ofDays(30));

		deliver("invoice.payment_failed", pledge(subscription, email, State.PAST_DUE, failedLater), null);
		deliver("invoice.paid", pledge(subscription, email, State.ACTIVE, renewedAt), null);

		assertThat(this.jdbc.queryForMap("select status, provider_state_at from pledge where provider_ref = ?",
				subscription))
			.containsEntry("status", "past_due");
	}

	@Test
	void paymentArrivingBeforeItsPledgeWaitsAndIsAppliedOnRetry() {
		String email = email();
		String subscription = SandboxIds.next("sub_sbx_");
		Instant at = this.clock.instant();
		String early = deliver("invoice.paid", null,
				payment(SandboxIds.next("py_sbx_"), subscription, PaymentStatus.SUCCEEDED, at));

		Map<String, Object> waiting = this.jdbc
			.queryForMap("select processed_at, attempts, last_error from provider_event where event_id = ?", early);
		assertThat(waiting.get("processed_at")).isNull();
		assertThat(waiting).containsEntry("attempts", 1);
		assertThat((String) waiting.get("last_error")).contains("No pledge " + subscription);

		deliver("checkout.session.completed", pledge(subscription, email, State.ACTIVE, at), null);
		this.clock.advance(Duration.ofMinutes(1));
		this.inbox.applyDue();

		assertThat(this.jdbc.queryForObject("select processed_at is not null from provider_event where event_id = ?",
				Boolean.class, early))
			.isTrue();
		assertThat(this.jdbc.queryForObject("""
				select pay.status from payment pay join pledge p on p.id = pay.pledge_id where p.provider_ref = ?""",
				String.class, subscription))
			.isEqualTo("succeeded");
	}

	private String deliver(String type, PledgeReported pledge, PaymentReported payment) {
		String eventId = SandboxIds.next("evt_sbx_");
		this.events.send(eventId, type, this.clock.instant(), pledge, payment);
		this.inbox.applyNow(SandboxEvents.PROVIDER, eventId);
		return eventId;
	}

	private static PledgeReported pledge(String subscription, String email, State state, Instant at) {
		return new PledgeReported(Provider.SANDBOX, subscription, null, email, null, "friend", Money.of(500, "EUR"),
				BillingInterval.MONTH, state, at.plus(Duration.ofDays(30)), false, null, null, at);
	}

	private static PaymentReported payment(String id, String subscription, PaymentStatus status, Instant at) {
		return new PaymentReported(Provider.SANDBOX, id, subscription, Money.of(500, "EUR"), status, 0, null, at, at);
	}

	private static String email() {
		return "inbox-" + UUID.randomUUID() + "@example.org";
	}

}
