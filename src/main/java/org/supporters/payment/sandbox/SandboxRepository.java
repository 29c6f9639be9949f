package org.supporters.payment.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.payment.sandbox.SandboxPayments.Dispute;

import static org.jooq.generated.Tables.SANDBOX_CLOCK;
import static org.jooq.generated.Tables.SANDBOX_PAYMENT;
import static org.jooq.generated.Tables.SANDBOX_SESSION;
import static org.jooq.generated.Tables.SANDBOX_SUBSCRIPTION;
import static org.jooq.impl.DSL.lower;

@Repository
@Conditional(SandboxMode.class)
class SandboxRepository {

	private final DSLContext db;

	SandboxRepository(DSLContext db) {
		this.db = db;
	}

	long clockOffsetSeconds() {
		return this.db.select(SANDBOX_CLOCK.OFFSET_SECONDS).from(SANDBOX_CLOCK).fetchSingle().value1();
	}

	long advanceClock(long seconds) {
		return this.db.update(SANDBOX_CLOCK)
			.set(SANDBOX_CLOCK.OFFSET_SECONDS, SANDBOX_CLOCK.OFFSET_SECONDS.plus(seconds))
			.returning(SANDBOX_CLOCK.OFFSET_SECONDS)
			.fetchSingle()
			.getOffsetSeconds();
	}

	/**
	 * Inserts the session unless the checkout has one already; either way returns the
	 * checkout's session.
	 */
	Session insertSession(Session session) {
		this.db.insertInto(SANDBOX_SESSION)
			.set(SANDBOX_SESSION.ID, session.id())
			.set(SANDBOX_SESSION.CHECKOUT_ID, session.checkoutId())
			.set(SANDBOX_SESSION.EMAIL, session.email())
			.set(SANDBOX_SESSION.NAME, session.name())
			.set(SANDBOX_SESSION.DESCRIPTION, session.description())
			.set(SANDBOX_SESSION.TIER_SLUG, session.tierSlug())
			.set(SANDBOX_SESSION.AMOUNT_MINOR, session.amount().minor())
			.set(SANDBOX_SESSION.CURRENCY, session.amount().currency().getCurrencyCode())
			.set(SANDBOX_SESSION.BILLING_INTERVAL, (session.interval() != null) ? session.interval().code() : null)
			.set(SANDBOX_SESSION.SUCCESS_URL, session.successUrl())
			.set(SANDBOX_SESSION.CANCEL_URL, session.cancelUrl())
			.set(SANDBOX_SESSION.CREATED_AT, session.createdAt())
			.onConflict(SANDBOX_SESSION.CHECKOUT_ID)
			.doNothing()
			.execute();
		return this.db.selectFrom(SANDBOX_SESSION)
			.where(SANDBOX_SESSION.CHECKOUT_ID.eq(session.checkoutId()))
			.fetchOptional()
			.map(SandboxRepository::session)
			.orElseThrow();
	}

	Optional<Session> session(String id) {
		return this.db.selectFrom(SANDBOX_SESSION)
			.where(SANDBOX_SESSION.ID.eq(id))
			.fetchOptional()
			.map(SandboxRepository::session);
	}

	/**
	 * Locks the session for a payment attempt, so that two attempts cannot both complete
	 * it.
	 */
	Optional<Session> lockSession(String id) {
		return this.db.selectFrom(SANDBOX_SESSION)
			.where(SANDBOX_SESSION.ID.eq(id))
			.forUpdate()
			.fetchOptional()
			.map(SandboxRepository::session);
	}

	void updateSessionStatus(String id, String status, Instant completedAt) {
		this.db.update(SANDBOX_SESSION)
			.set(SANDBOX_SESSION.STATUS, status)
			.set(SANDBOX_SESSION.COMPLETED_AT, completedAt)
			.where(SANDBOX_SESSION.ID.eq(id))
			.execute();
	}

	/**
	 * What the session's subscription charges from now, as a reader changed it: the
	 * session holds a subscription's price, as a Stripe subscription item does.
	 */
	void updateSessionTerms(String id, String tierSlug, Money amount, BillingInterval interval, String description) {
		this.db.update(SANDBOX_SESSION)
			.set(SANDBOX_SESSION.TIER_SLUG, tierSlug)
			.set(SANDBOX_SESSION.AMOUNT_MINOR, amount.minor())
			.set(SANDBOX_SESSION.CURRENCY, amount.currency().getCurrencyCode())
			.set(SANDBOX_SESSION.BILLING_INTERVAL, interval.code())
			.set(SANDBOX_SESSION.DESCRIPTION, description)
			.where(SANDBOX_SESSION.ID.eq(id))
			.execute();
	}

	void insertSubscription(Subscription subscription) {
		this.db.insertInto(SANDBOX_SUBSCRIPTION)
			.set(SANDBOX_SUBSCRIPTION.ID, subscription.id())
			.set(SANDBOX_SUBSCRIPTION.SESSION_ID, subscription.sessionId())
			.set(SANDBOX_SUBSCRIPTION.STATUS, subscription.status())
			.set(SANDBOX_SUBSCRIPTION.CURRENT_PERIOD_END, subscription.currentPeriodEnd())
			.set(SANDBOX_SUBSCRIPTION.FAILS_RENEWALS, subscription.failsRenewals())
			.set(SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT, subscription.nextAttemptAt())
			.set(SANDBOX_SUBSCRIPTION.CANCEL_AT_PERIOD_END, subscription.cancelAtPeriodEnd())
			.execute();
	}

	/**
	 * Locks the subscription whose next charge is most overdue, skipping those another
	 * instance holds.
	 */
	Optional<Subscription> claimNextDue(Instant now) {
		return this.db.selectFrom(SANDBOX_SUBSCRIPTION)
			.where(SANDBOX_SUBSCRIPTION.STATUS.ne(SandboxSubscriptionStatus.CANCELED))
			.and(SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT.le(now))
			.orderBy(SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT)
			.limit(1)
			.forUpdate()
			.skipLocked()
			.fetchOptional()
			.map(SandboxRepository::subscription);
	}

	void updateSubscription(Subscription subscription) {
		this.db.update(SANDBOX_SUBSCRIPTION)
			.set(SANDBOX_SUBSCRIPTION.STATUS, subscription.status())
			.set(SANDBOX_SUBSCRIPTION.CURRENT_PERIOD_END, subscription.currentPeriodEnd())
			.set(SANDBOX_SUBSCRIPTION.FAILS_RENEWALS, subscription.failsRenewals())
			.set(SANDBOX_SUBSCRIPTION.FAILED_ATTEMPTS, subscription.failedAttempts())
			.set(SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT, subscription.nextAttemptAt())
			.set(SANDBOX_SUBSCRIPTION.CANCELED_AT, subscription.canceledAt())
			.set(SANDBOX_SUBSCRIPTION.CANCEL_AT_PERIOD_END, subscription.cancelAtPeriodEnd())
			.where(SANDBOX_SUBSCRIPTION.ID.eq(subscription.id()))
			.execute();
	}

	/** The newest subscriptions, for the clock page to show what moving time did. */
	List<SubscriptionSummary> newestSubscriptions(int limit) {
		return this.db
			.select(SANDBOX_SESSION.EMAIL, SANDBOX_SESSION.DESCRIPTION, SANDBOX_SUBSCRIPTION.STATUS,
					SANDBOX_SUBSCRIPTION.CURRENT_PERIOD_END, SANDBOX_SUBSCRIPTION.FAILED_ATTEMPTS,
					SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT)
			.from(SANDBOX_SUBSCRIPTION)
			.join(SANDBOX_SESSION)
			.on(SANDBOX_SESSION.ID.eq(SANDBOX_SUBSCRIPTION.SESSION_ID))
			.orderBy(SANDBOX_SESSION.CREATED_AT.desc())
			.limit(limit)
			.fetch((row) -> new SubscriptionSummary(row.value1(), row.value2(), row.value3(), row.value4(),
					row.value5(), row.value6()));
	}

	/** The email's subscriptions that are not canceled, oldest first. */
	List<Managed> subscriptionsOf(String email) {
		return this.db.select()
			.from(SANDBOX_SUBSCRIPTION)
			.join(SANDBOX_SESSION)
			.on(SANDBOX_SESSION.ID.eq(SANDBOX_SUBSCRIPTION.SESSION_ID))
			.where(lower(SANDBOX_SESSION.EMAIL).eq(lower(email)))
			.and(SANDBOX_SUBSCRIPTION.STATUS.ne(SandboxSubscriptionStatus.CANCELED))
			.orderBy(SANDBOX_SESSION.CREATED_AT)
			.fetch((row) -> new Managed(subscription(row), session(row)));
	}

	boolean hasCompletedSession(String email) {
		return this.db.fetchExists(SANDBOX_SESSION,
				lower(SANDBOX_SESSION.EMAIL).eq(lower(email)).and(SANDBOX_SESSION.STATUS.eq("completed")));
	}

	/** Locks one of the email's subscriptions for a change by its reader. */
	Optional<Managed> lockSubscriptionOf(String email, String subscriptionId) {
		return this.db.select()
			.from(SANDBOX_SUBSCRIPTION)
			.join(SANDBOX_SESSION)
			.on(SANDBOX_SESSION.ID.eq(SANDBOX_SUBSCRIPTION.SESSION_ID))
			.where(SANDBOX_SUBSCRIPTION.ID.eq(subscriptionId))
			.and(lower(SANDBOX_SESSION.EMAIL).eq(lower(email)))
			.forUpdate()
			.of(SANDBOX_SUBSCRIPTION)
			.fetchOptional((row) -> new Managed(subscription(row), session(row)));
	}

	void insertPayment(Payment payment) {
		this.db.insertInto(SANDBOX_PAYMENT)
			.set(SANDBOX_PAYMENT.ID, payment.id())
			.set(SANDBOX_PAYMENT.SESSION_ID, payment.sessionId())
			.set(SANDBOX_PAYMENT.PLEDGE_REF, payment.pledgeReference())
			.set(SANDBOX_PAYMENT.AMOUNT_MINOR, payment.amount().minor())
			.set(SANDBOX_PAYMENT.CURRENCY, payment.amount().currency().getCurrencyCode())
			.set(SANDBOX_PAYMENT.CREATED_AT, payment.createdAt())
			.execute();
	}

	/** The newest payments, for the payments page. */
	List<Payment> newestPayments(int limit) {
		return this.db.select()
			.from(SANDBOX_PAYMENT)
			.join(SANDBOX_SESSION)
			.on(SANDBOX_SESSION.ID.eq(SANDBOX_PAYMENT.SESSION_ID))
			.orderBy(SANDBOX_PAYMENT.CREATED_AT.desc(), SANDBOX_PAYMENT.ID)
			.limit(limit)
			.fetch(SandboxRepository::payment);
	}

	/** Locks one payment for a refund or a dispute. */
	Optional<Payment> lockPayment(String id) {
		return this.db.select()
			.from(SANDBOX_PAYMENT)
			.join(SANDBOX_SESSION)
			.on(SANDBOX_SESSION.ID.eq(SANDBOX_PAYMENT.SESSION_ID))
			.where(SANDBOX_PAYMENT.ID.eq(id))
			.forUpdate()
			.of(SANDBOX_PAYMENT)
			.fetchOptional(SandboxRepository::payment);
	}

	void updatePayment(Payment payment) {
		this.db.update(SANDBOX_PAYMENT)
			.set(SANDBOX_PAYMENT.REFUNDED_MINOR, payment.refundedMinor())
			.set(SANDBOX_PAYMENT.DISPUTE,
					(payment.dispute() != null) ? payment.dispute().name().toLowerCase(Locale.ROOT) : null)
			.where(SANDBOX_PAYMENT.ID.eq(payment.id()))
			.execute();
	}

	/** Stops the subscription now, unless it is over already. */
	void cancelSubscription(String id, Instant at) {
		this.db.update(SANDBOX_SUBSCRIPTION)
			.set(SANDBOX_SUBSCRIPTION.STATUS, SandboxSubscriptionStatus.CANCELED)
			.set(SANDBOX_SUBSCRIPTION.CANCELED_AT, at)
			.setNull(SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT)
			.where(SANDBOX_SUBSCRIPTION.ID.eq(id))
			.and(SANDBOX_SUBSCRIPTION.STATUS.ne(SandboxSubscriptionStatus.CANCELED))
			.execute();
	}

	private static Payment payment(Record row) {
		String dispute = row.get(SANDBOX_PAYMENT.DISPUTE);
		return new Payment(row.get(SANDBOX_PAYMENT.ID), row.get(SANDBOX_PAYMENT.SESSION_ID),
				row.get(SANDBOX_PAYMENT.PLEDGE_REF),
				Money.of(row.get(SANDBOX_PAYMENT.AMOUNT_MINOR), row.get(SANDBOX_PAYMENT.CURRENCY)),
				row.get(SANDBOX_PAYMENT.REFUNDED_MINOR),
				(dispute != null) ? Dispute.valueOf(dispute.toUpperCase(Locale.ROOT)) : null,
				row.get(SANDBOX_PAYMENT.CREATED_AT), row.get(SANDBOX_SESSION.EMAIL),
				row.get(SANDBOX_SESSION.DESCRIPTION));
	}

	private static Session session(Record row) {
		String interval = row.get(SANDBOX_SESSION.BILLING_INTERVAL);
		return new Session(row.get(SANDBOX_SESSION.ID), row.get(SANDBOX_SESSION.CHECKOUT_ID),
				row.get(SANDBOX_SESSION.EMAIL), row.get(SANDBOX_SESSION.NAME), row.get(SANDBOX_SESSION.DESCRIPTION),
				row.get(SANDBOX_SESSION.TIER_SLUG),
				Money.of(row.get(SANDBOX_SESSION.AMOUNT_MINOR), row.get(SANDBOX_SESSION.CURRENCY)),
				(interval != null) ? BillingInterval.fromCode(interval) : null, row.get(SANDBOX_SESSION.SUCCESS_URL),
				row.get(SANDBOX_SESSION.CANCEL_URL), row.get(SANDBOX_SESSION.STATUS),
				row.get(SANDBOX_SESSION.CREATED_AT));
	}

	private static Subscription subscription(Record row) {
		Instant next = row.get(SANDBOX_SUBSCRIPTION.NEXT_ATTEMPT_AT);
		Instant canceled = row.get(SANDBOX_SUBSCRIPTION.CANCELED_AT);
		return new Subscription(row.get(SANDBOX_SUBSCRIPTION.ID), row.get(SANDBOX_SUBSCRIPTION.SESSION_ID),
				row.get(SANDBOX_SUBSCRIPTION.STATUS), row.get(SANDBOX_SUBSCRIPTION.CURRENT_PERIOD_END),
				row.get(SANDBOX_SUBSCRIPTION.FAILS_RENEWALS), row.get(SANDBOX_SUBSCRIPTION.FAILED_ATTEMPTS), next,
				canceled, row.get(SANDBOX_SUBSCRIPTION.CANCEL_AT_PERIOD_END));
	}

	/** A hosted checkout page of the sandbox, like a Stripe Checkout Session. */
	record Session(String id, UUID checkoutId, String email, String name, String description, String tierSlug,
			Money amount, BillingInterval interval, String successUrl, String cancelUrl, String status,
			Instant createdAt) {

		boolean completed() {
			return "completed".equals(this.status);
		}

	}

	/** A subscription as the clock page lists it. */
	record SubscriptionSummary(String email, String description, SandboxSubscriptionStatus status,
			Instant currentPeriodEnd, int failedAttempts, Instant nextAttemptAt) {
	}

	/**
	 * A sandbox subscription, renewed (or failing) as the sandbox clock passes its dates.
	 */
	record Subscription(String id, String sessionId, SandboxSubscriptionStatus status, Instant currentPeriodEnd,
			boolean failsRenewals, int failedAttempts, Instant nextAttemptAt, Instant canceledAt,
			boolean cancelAtPeriodEnd) {
	}

	/** A subscription the reader can manage, with what it is for. */
	record Managed(Subscription subscription, Session session) {
	}

	/**
	 * Money the sandbox took, like a Stripe charge: what was refunded of it, and where a
	 * dispute of it stands ({@code null}: none).
	 */
	record Payment(String id, String sessionId, String pledgeReference, Money amount, long refundedMinor,
			Dispute dispute, Instant createdAt, String email, String description) {

		public Money refunded() {
			return new Money(this.refundedMinor, this.amount.currency());
		}

		Payment withRefunded(long refunded) {
			return new Payment(this.id, this.sessionId, this.pledgeReference, this.amount, refunded, this.dispute,
					this.createdAt, this.email, this.description);
		}

		Payment withDispute(Dispute to) {
			return new Payment(this.id, this.sessionId, this.pledgeReference, this.amount, this.refundedMinor, to,
					this.createdAt, this.email, this.description);
		}

	}

}
