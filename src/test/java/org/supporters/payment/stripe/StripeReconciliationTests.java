package org.supporters.payment.stripe;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.supporters.IntegrationTest;
import org.supporters.StaffMember;
import org.supporters.payment.ReconciliationDrift;
import org.supporters.payment.stripe.FakeStripe.Paid;
import org.supporters.payment.stripe.StripeReconciliation.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation finds what the webhooks missed, puts it right and says what it fixed;
 * one instance at a time runs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeReconciliationTests extends StripeIntegrationTest {

	@Autowired
	StripeReconciliation reconciliation;

	@Test
	void eventStripeFailedToDeliverIsReceivedAppliedAndRecordedAsDrift() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), Instant.now());
		String eventId = FakeStripe.id("evt_");
		stripe
			.undelivered(FakeStripe.eventObject(eventId, "invoice.paid", stripe.object(paid.invoice()), Instant.now()));

		Result result = this.reconciliation.reconcile().orElseThrow();

		assertThat(result.undeliveredEvents()).isGreaterThanOrEqualTo(1);
		assertThat(pledge(paid.subscription())).containsEntry("status", "active");
		assertThat(payment(paid.invoice())).containsEntry("status", "succeeded");
		assertThat(this.reconciliation.recentDrift(1000)).anySatisfy((drift) -> {
			assertThat(drift.kind()).isEqualTo("undelivered_event");
			assertThat(drift.objectId()).isEqualTo(eventId);
		});
		assertThat(stripe.requests("GET", "/v1/events")).last()
			.satisfies((request) -> assertThat(request.params()).containsEntry("delivery_success", "false")
				.containsKey("created[gte]"));

		this.reconciliation.reconcile();
		assertThat(this.reconciliation.recentDrift(1000).stream().filter((drift) -> drift.objectId().equals(eventId)))
			.as("an event recovered once is not recovered again")
			.hasSize(1);
		assertThat(StaffMember.signedIn(this.port, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD)
			.get("/staff/admin/inbox")
			.body()).as("admins see it").contains("Event never delivered", eventId);
	}

	@Test
	void activeSubscriptionThatChangedWithoutAnEventIsReappliedAndTheDifferenceRecorded() {
		Customer reader = customer();
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of(), Instant.now());
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));
		assertThat(pledge(paid.subscription())).containsEntry("cancel_at_period_end", false);
		stripe.object(paid.subscription()).addProperty("cancel_at_period_end", true);

		this.reconciliation.reconcile().orElseThrow();

		assertThat(pledge(paid.subscription())).containsEntry("cancel_at_period_end", true);
		ReconciliationDrift drift = this.reconciliation.recentDrift(1000)
			.stream()
			.filter((found) -> found.objectId().equals(paid.subscription()))
			.findFirst()
			.orElseThrow();
		assertThat(drift.kind()).isEqualTo("subscription_state");
		assertThat(drift.details()).contains("cancel at period end false, Stripe has true");

		this.reconciliation.reconcile();
		assertThat(this.reconciliation.recentDrift(1000)
			.stream()
			.filter((found) -> found.objectId().equals(paid.subscription()))).as("nothing left to fix").hasSize(1);
	}

	@Test
	void reconciliationHeldByAnotherInstanceIsSkippedWithOneInfoLineAndFreeOnceThatInstancesLockRunsOut(
			CapturedOutput output) {
		// the other instance took the lock (ShedLock's row) and died: no clean unlock
		this.jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by)"
				+ " values ('stripe-reconcile', now() + interval '1 hour', now(), 'other-instance')"
				+ " on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by");
		try {
			int eventLists = stripe.requests("GET", "/v1/events").size();

			assertThat(this.reconciliation.reconcile()).isEmpty();
			assertThat(stripe.requests("GET", "/v1/events")).hasSize(eventLists);
			assertThat(output.getOut())
				.containsOnlyOnce("Stripe reconciliation skipped: another instance is running it");

			// its lock at most for has passed
			this.jdbc.update("update shedlock set lock_until = now() - interval '1 second'"
					+ " where name = 'stripe-reconcile'");
			assertThat(this.reconciliation.reconcile()).as("free once the dead instance's lock runs out").isPresent();
		}
		finally {
			this.jdbc.update("update shedlock set lock_until = now() where name = 'stripe-reconcile'");
		}
	}

}
