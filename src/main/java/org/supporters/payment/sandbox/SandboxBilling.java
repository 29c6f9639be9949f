package org.supporters.payment.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.sandbox.SandboxRepository.Session;
import org.supporters.payment.sandbox.SandboxRepository.Subscription;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeEnded;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeReported;
import org.supporters.supporter.PledgeReported.State;
import org.supporters.supporter.Provider;

/**
 * Keeps sandbox subscriptions going as the sandbox clock passes their dates: renews them
 * at period end, or, for a card that fails renewals, retries on a schedule like Stripe's
 * (after 3, 5 and 7 more days) while the pledge is past due, then cancels it.
 */
@Component
@Conditional(SandboxMode.class)
class SandboxBilling {

	static final List<Duration> RETRY_DELAYS = List.of(Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7));

	private final SandboxRepository repository;

	private final SandboxEvents events;

	private final ProviderEventInbox inbox;

	private final SandboxPayments payments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SandboxBilling(SandboxRepository repository, SandboxEvents events, ProviderEventInbox inbox,
			SandboxPayments payments, TransactionTemplate transaction, Clock clock) {
		this.payments = payments;
		this.repository = repository;
		this.events = events;
		this.inbox = inbox;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Charges every subscription that is due, then applies the events that sent; returns
	 * how many charges.
	 */
	@Scheduled(fixedDelayString = "${supporters.sandbox.billing-interval:30s}")
	int chargeDue() {
		int charges = 0;
		while (Boolean.TRUE.equals(this.transaction.execute((status) -> chargeNext()))) {
			charges++;
		}
		this.inbox.applyDue();
		return charges;
	}

	private boolean chargeNext() {
		Optional<Subscription> due = this.repository.claimNextDue(this.clock.instant());
		due.ifPresent(this::charge);
		return due.isPresent();
	}

	private void charge(Subscription subscription) {
		Session session = this.repository.session(subscription.sessionId()).orElseThrow();
		Instant at = subscription.nextAttemptAt();
		if (subscription.cancelAtPeriodEnd()) {
			Subscription ended = new Subscription(subscription.id(), session.id(), SandboxSubscriptionStatus.CANCELED,
					subscription.currentPeriodEnd(), subscription.failsRenewals(), subscription.failedAttempts(), null,
					at, true);
			this.repository.updateSubscription(ended);
			this.events.send(SandboxIds.next("evt_sbx_"), "customer.subscription.deleted", at,
					pledge(session, ended, EndedReason.CANCELED, at), null);
			return;
		}
		if (!subscription.failsRenewals()) {
			Instant periodEnd = session.interval().periodEnd(subscription.currentPeriodEnd());
			Subscription renewed = new Subscription(subscription.id(), session.id(), SandboxSubscriptionStatus.ACTIVE,
					periodEnd, false, 0, periodEnd, null, false);
			this.repository.updateSubscription(renewed);
			this.events.send(SandboxIds.next("evt_sbx_"), "invoice.paid", at, pledge(session, renewed, null, at),
					this.payments.take(session, subscription.id(), at));
			return;
		}
		int attempts = subscription.failedAttempts() + 1;
		// like Stripe after its last retry: the subscription is over, and the ledger
		// hears
		// that the provider gave up
		boolean givingUp = attempts > RETRY_DELAYS.size();
		Subscription failed = givingUp
				? new Subscription(subscription.id(), session.id(), SandboxSubscriptionStatus.CANCELED,
						subscription.currentPeriodEnd(), true, attempts, null, at, false)
				: new Subscription(subscription.id(), session.id(), SandboxSubscriptionStatus.PAST_DUE,
						subscription.currentPeriodEnd(), true, attempts, at.plus(RETRY_DELAYS.get(attempts - 1)), null,
						false);
		this.repository.updateSubscription(failed);
		this.events.send(SandboxIds.next("evt_sbx_"),
				givingUp ? "customer.subscription.deleted" : "invoice.payment_failed", at,
				pledge(session, failed, givingUp ? EndedReason.PAYMENT_FAILED : null, at),
				new PaymentReported(Provider.SANDBOX, SandboxIds.next("py_sbx_"), subscription.id(), session.amount(),
						PaymentStatus.FAILED, 0, "Your card was declined.", at, at));
	}

	/**
	 * The ledger ended a pledge of the sandbox's (money taken back): like Stripe, the
	 * sandbox stops charging it.
	 */
	@EventListener
	void on(PledgeEnded ended) {
		if (ended.provider() == Provider.SANDBOX && ended.kind() == PledgeKind.RECURRING) {
			this.repository.cancelSubscription(ended.reference(), this.clock.instant());
		}
	}

	static PledgeReported pledge(Session session, Subscription subscription, EndedReason endedReason,
			Instant observedAt) {
		State state = switch (subscription.status()) {
			case ACTIVE -> State.ACTIVE;
			case PAST_DUE -> State.PAST_DUE;
			case CANCELED -> State.ENDED;
		};
		return new PledgeReported(Provider.SANDBOX, subscription.id(), session.checkoutId(), session.email(),
				session.name(), session.tierSlug(), session.amount(), session.interval(), state,
				subscription.currentPeriodEnd(), subscription.cancelAtPeriodEnd(), endedReason, null, observedAt,
				(state == State.PAST_DUE) ? subscription.nextAttemptAt() : null);
	}

}
