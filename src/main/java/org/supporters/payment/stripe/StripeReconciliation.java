package org.supporters.payment.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.ApiResource;
import com.stripe.param.EventListParams;
import com.stripe.param.SubscriptionListParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;

import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.ReconciliationDrift;
import org.supporters.payment.stripe.StripeRepository.AppliedSubscription;
import org.supporters.platform.JobLocks;

/**
 * Puts right what webhooks missed: events Stripe failed to deliver in the last 30 days go
 * into the inbox, and every active subscription whose state differs from the one last
 * applied is applied again. Each fix is recorded as drift for staff to see. One instance
 * at a time runs it, under a lock that dies with the instance holding it
 * ({@link JobLocks}).
 */
@Service
@Conditional(StripeMode.class)
public class StripeReconciliation {

	private static final Logger logger = LoggerFactory.getLogger(StripeReconciliation.class);

	private static final String JOB = "stripe-reconcile";

	private static final Duration EVENT_HISTORY = Duration.ofDays(30);

	private final StripeClient stripe;

	private final StripeRepository repository;

	private final ProviderEventInbox inbox;

	private final JobLocks locks;

	private final Clock clock;

	StripeReconciliation(StripeClient stripe, StripeRepository repository, ProviderEventInbox inbox, JobLocks locks,
			Clock clock) {
		this.stripe = stripe;
		this.repository = repository;
		this.inbox = inbox;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * Runs reconciliation now, unless another instance is running it; empty then.
	 */
	public Optional<Result> reconcile() {
		Optional<JobLocks.Held> lock = this.locks.tryLock(JOB);
		if (lock.isEmpty()) {
			logger.info("Stripe reconciliation skipped: another instance is running it");
			return Optional.empty();
		}
		Instant start = this.clock.instant();
		try (JobLocks.Held held = lock.get()) {
			int events = recoverUndeliveredEvents(start);
			int subscriptions = reapplyDriftedSubscriptions(start);
			this.inbox.applyDue();
			logger.info("Stripe reconciliation: {} undelivered events recovered, {} subscriptions re-applied", events,
					subscriptions);
			return Optional.of(new Result(events, subscriptions));
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Reconciliation", ex);
		}
	}

	/** What reconciliation found and fixed, newest first. */
	public List<ReconciliationDrift> recentDrift(int limit) {
		return this.repository.recentDrift(limit);
	}

	private int recoverUndeliveredEvents(Instant now) throws StripeException {
		EventListParams params = EventListParams.builder()
			.setDeliverySuccess(false)
			.setCreated(EventListParams.Created.builder().setGte(now.minus(EVENT_HISTORY).getEpochSecond()).build())
			.setLimit(100L)
			.build();
		int recovered = 0;
		for (Event event : this.stripe.v1().events().list(params).autoPagingIterable()) {
			if (this.inbox.receive(StripePaymentProvider.PROVIDER, event.getId(), event.getType(),
					ApiResource.GSON.toJson(event))) {
				this.repository.recordDrift(now, "undelivered_event", event.getId(),
						"Stripe could not deliver " + event.getType() + "; received it now");
				recovered++;
			}
		}
		return recovered;
	}

	private int reapplyDriftedSubscriptions(Instant now) throws StripeException {
		SubscriptionListParams params = SubscriptionListParams.builder()
			.setStatus(SubscriptionListParams.Status.ACTIVE)
			.setLimit(100L)
			.build();
		int reapplied = 0;
		for (Subscription subscription : this.stripe.v1().subscriptions().list(params).autoPagingIterable()) {
			if (this.repository.emailOf(subscription.getCustomer()).isEmpty()) {
				// another integration's customer on the same Stripe account: not ours to
				// apply
				continue;
			}
			AppliedSubscription live = live(subscription);
			Optional<AppliedSubscription> applied = this.repository.appliedSubscription(subscription.getId());
			if (applied.isPresent() && applied.get().equals(live)) {
				continue;
			}
			String eventId = "reconcile_" + subscription.getId() + "_" + now.getEpochSecond();
			this.inbox.receive(StripePaymentProvider.PROVIDER, eventId, "customer.subscription.updated", StripeReports
				.syntheticEvent(eventId, "customer.subscription.updated", "subscription", subscription.getId(), now));
			this.repository.recordDrift(now, "subscription_state", subscription.getId(),
					applied.map((known) -> difference(known, live))
						.orElse("Never applied; Stripe has it " + live.status()));
			reapplied++;
		}
		return reapplied;
	}

	private static AppliedSubscription live(Subscription subscription) {
		List<SubscriptionItem> items = (subscription.getItems() != null) ? subscription.getItems().getData()
				: List.of();
		Long periodEnd = items.isEmpty() ? null : items.get(0).getCurrentPeriodEnd();
		return new AppliedSubscription(subscription.getId(), subscription.getStatus(),
				(periodEnd != null) ? Instant.ofEpochSecond(periodEnd) : null,
				Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()) || subscription.getCancelAt() != null);
	}

	private static String difference(AppliedSubscription known, AppliedSubscription live) {
		StringBuilder details = new StringBuilder("Applied ");
		if (!Objects.equals(known.status(), live.status())) {
			details.append("status ").append(known.status()).append(", Stripe has ").append(live.status()).append("; ");
		}
		if (!Objects.equals(known.currentPeriodEnd(), live.currentPeriodEnd())) {
			details.append("period end ")
				.append(known.currentPeriodEnd())
				.append(", Stripe has ")
				.append(live.currentPeriodEnd())
				.append("; ");
		}
		if (known.cancelAtPeriodEnd() != live.cancelAtPeriodEnd()) {
			details.append("cancel at period end ")
				.append(known.cancelAtPeriodEnd())
				.append(", Stripe has ")
				.append(live.cancelAtPeriodEnd())
				.append("; ");
		}
		return details.toString().trim();
	}

	/** How many missed things one run put right. */
	public record Result(int undeliveredEvents, int driftedSubscriptions) {
	}

	/** One thing reconciliation found missing and put right. */

}
