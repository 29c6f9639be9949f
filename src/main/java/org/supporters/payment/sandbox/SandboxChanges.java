package org.supporters.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.payment.ChangePreview;
import org.supporters.payment.PledgeChangeRefusedException;
import org.supporters.payment.PledgeChangeRefusedException.Reason;
import org.supporters.payment.PledgeTerms;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.sandbox.SandboxRepository.Managed;
import org.supporters.payment.sandbox.SandboxRepository.Session;
import org.supporters.payment.sandbox.SandboxRepository.Subscription;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PledgeReported;

/**
 * A reader's own changes to a sandbox subscription, offline and as Stripe makes them: a
 * new price prorated to the second and invoiced at once ({@code always_invoice}), a new
 * interval starting a new period now, a cancel at period end keeping the reader's reason,
 * and a resume. Each change is one event into the inbox, under an id made of the caller's
 * idempotency key, so the same key changes a subscription once.
 */
@Service
@Conditional(SandboxMode.class)
class SandboxChanges {

	private final SandboxRepository repository;

	private final SandboxEvents events;

	private final SandboxPayments payments;

	private final ProviderEventInbox inbox;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SandboxChanges(SandboxRepository repository, SandboxEvents events, SandboxPayments payments,
			ProviderEventInbox inbox, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.payments = payments;
		this.inbox = inbox;
		this.transaction = transaction;
		this.clock = clock;
	}

	ChangePreview preview(String email, String subscriptionId, PledgeTerms terms) {
		return this.transaction.execute((status) -> {
			Managed managed = changeable(email, subscriptionId);
			return prorate(managed.session().amount(), managed.session().interval(),
					managed.subscription().currentPeriodEnd(), terms, this.clock.instant());
		});
	}

	void change(String email, String subscriptionId, PledgeTerms terms, String idempotencyKey) {
		String eventId = eventId("chg", idempotencyKey);
		apply(eventId, () -> {
			Managed managed = changeable(email, subscriptionId);
			Instant now = this.clock.instant();
			Subscription current = managed.subscription();
			ChangePreview preview = prorate(managed.session().amount(), managed.session().interval(),
					current.currentPeriodEnd(), terms, now);
			if (current.failsRenewals() && preview.dueNow().minor() > 0) {
				// the card that pays once and declines every later charge declines this
				// one too; like Stripe's pending_if_incomplete, nothing changes
				throw new PledgeChangeRefusedException(Reason.DECLINED);
			}
			this.repository.updateSessionTerms(managed.session().id(), terms.tierSlug(), terms.amount(),
					terms.interval(), terms.description());
			Session session = this.repository.session(managed.session().id()).orElseThrow();
			Subscription changed = new Subscription(current.id(), current.sessionId(), current.status(),
					preview.nextPaymentAt(), current.failsRenewals(), current.failedAttempts(), preview.nextPaymentAt(),
					null, false);
			this.repository.updateSubscription(changed);
			PaymentReported payment = (preview.dueNow().minor() > 0)
					? this.payments.take(session, current.id(), preview.dueNow(), now) : null;
			return this.events.send(eventId, "customer.subscription.updated", now,
					SandboxBilling.pledge(session, changed, null, now), payment);
		});
	}

	void cancel(String email, String subscriptionId, CancelReason reason, String comment, String idempotencyKey) {
		String eventId = eventId("cnl", idempotencyKey);
		apply(eventId, () -> {
			Managed managed = changeable(email, subscriptionId);
			Subscription current = managed.subscription();
			Subscription canceling = new Subscription(current.id(), current.sessionId(), current.status(),
					current.currentPeriodEnd(), current.failsRenewals(), current.failedAttempts(),
					current.nextAttemptAt(), null, true);
			this.repository.updateSubscription(canceling);
			Instant now = this.clock.instant();
			return this.events.send(eventId, "customer.subscription.updated", now,
					SandboxBilling.pledge(managed.session(), canceling, null, now).withCancellation(reason, comment),
					null);
		});
	}

	void resume(String email, String subscriptionId, String idempotencyKey) {
		String eventId = eventId("rsm", idempotencyKey);
		apply(eventId, () -> {
			Managed managed = owned(email, subscriptionId);
			Subscription current = managed.subscription();
			if (!current.cancelAtPeriodEnd()) {
				return false;
			}
			Subscription resumed = new Subscription(current.id(), current.sessionId(), current.status(),
					current.currentPeriodEnd(), current.failsRenewals(), current.failedAttempts(),
					current.nextAttemptAt(), null, false);
			this.repository.updateSubscription(resumed);
			Instant now = this.clock.instant();
			return this.events.send(eventId, "customer.subscription.updated", now,
					SandboxBilling.pledge(managed.session(), resumed, null, now), null);
		});
	}

	/**
	 * What Stripe charges at once for a change made with {@code always_invoice}: the new
	 * price for the rest of the period less the unused part of the old one, to the
	 * second; a new interval starts a new period now, so the whole new price less that
	 * credit. A change that leaves credit charges nothing now.
	 */
	static ChangePreview prorate(Money oldAmount, BillingInterval oldInterval, Instant periodEnd, PledgeTerms terms,
			Instant now) {
		Instant periodStart = oldInterval.periodStart(periodEnd);
		long total = Math.max(1, Duration.between(periodStart, periodEnd).getSeconds());
		long left = Math.max(0, Math.min(total, Duration.between(now, periodEnd).getSeconds()));
		long unused = Math.round((double) oldAmount.minor() * left / total);
		if (terms.interval() != oldInterval) {
			long due = Math.max(0, terms.amount().minor() - unused);
			return new ChangePreview(new Money(due, terms.amount().currency()), terms.amount(),
					terms.interval().periodEnd(now));
		}
		long due = Math.max(0, Math.round((double) terms.amount().minor() * left / total) - unused);
		return new ChangePreview(new Money(due, terms.amount().currency()), terms.amount(), periodEnd);
	}

	private Managed owned(String email, String subscriptionId) {
		Optional<Managed> managed = this.repository.lockSubscriptionOf(email, subscriptionId);
		if (managed.isEmpty() || managed.get().subscription().status() == SandboxSubscriptionStatus.CANCELED) {
			throw new PledgeChangeRefusedException(Reason.ENDED);
		}
		return managed.get();
	}

	private Managed changeable(String email, String subscriptionId) {
		Managed managed = owned(email, subscriptionId);
		if (managed.subscription().status() == SandboxSubscriptionStatus.PAST_DUE) {
			throw new PledgeChangeRefusedException(Reason.PAYMENT_FAILING);
		}
		if (managed.subscription().cancelAtPeriodEnd()) {
			throw new PledgeChangeRefusedException(Reason.CANCELING);
		}
		return managed;
	}

	/**
	 * Makes the change and sends its event in one transaction, then applies the event; an
	 * event sent before (the same key) rolls the repeat back.
	 */
	private void apply(String eventId, BooleanSupplier change) {
		Boolean sent = this.transaction.execute((status) -> {
			if (!change.getAsBoolean()) {
				status.setRollbackOnly();
				return false;
			}
			return true;
		});
		if (Boolean.TRUE.equals(sent)) {
			this.inbox.applyNow(SandboxEvents.PROVIDER, eventId);
		}
	}

	private static String eventId(String kind, String idempotencyKey) {
		return "evt_sbx_" + kind + "_"
				+ UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

}
