package org.supporters.payment.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Repository;

import org.supporters.payment.ReconciliationDrift;

import static org.jooq.generated.Tables.STRIPE_CUSTOMER;
import static org.jooq.generated.Tables.STRIPE_DRIFT;
import static org.jooq.generated.Tables.STRIPE_SUBSCRIPTION_STATE;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.lower;

/**
 * The Stripe provider's own books: customers, applied subscription states, job locks,
 * drift.
 */
@Repository
@Conditional(StripeMode.class)
class StripeRepository {

	private final DSLContext db;

	StripeRepository(DSLContext db) {
		this.db = db;
	}

	Optional<String> customerOf(String email) {
		return this.db.select(STRIPE_CUSTOMER.CUSTOMER_ID)
			.from(STRIPE_CUSTOMER)
			.where(lower(STRIPE_CUSTOMER.EMAIL).eq(lower(email)))
			.fetchOptional(STRIPE_CUSTOMER.CUSTOMER_ID);
	}

	Optional<String> emailOf(String customerId) {
		return this.db.select(STRIPE_CUSTOMER.EMAIL)
			.from(STRIPE_CUSTOMER)
			.where(STRIPE_CUSTOMER.CUSTOMER_ID.eq(customerId))
			.fetchOptional(STRIPE_CUSTOMER.EMAIL);
	}

	/**
	 * Records the customer for the email unless one is recorded already; either way
	 * returns the email's customer.
	 */
	String insertCustomer(String email, String customerId, Instant at) {
		this.db.insertInto(STRIPE_CUSTOMER)
			.set(STRIPE_CUSTOMER.EMAIL, email)
			.set(STRIPE_CUSTOMER.CUSTOMER_ID, customerId)
			.set(STRIPE_CUSTOMER.CREATED_AT, at)
			.onConflictDoNothing()
			.execute();
		return customerOf(email).orElseThrow();
	}

	Optional<AppliedSubscription> appliedSubscription(String subscriptionId) {
		return this.db.selectFrom(STRIPE_SUBSCRIPTION_STATE)
			.where(STRIPE_SUBSCRIPTION_STATE.SUBSCRIPTION_ID.eq(subscriptionId))
			.fetchOptional()
			.map((row) -> new AppliedSubscription(row.getSubscriptionId(), row.getStatus(), row.getCurrentPeriodEnd(),
					row.getCancelAtPeriodEnd()));
	}

	void recordApplied(AppliedSubscription subscription, Instant at) {
		this.db.insertInto(STRIPE_SUBSCRIPTION_STATE)
			.set(STRIPE_SUBSCRIPTION_STATE.SUBSCRIPTION_ID, subscription.id())
			.set(STRIPE_SUBSCRIPTION_STATE.STATUS, subscription.status())
			.set(STRIPE_SUBSCRIPTION_STATE.CURRENT_PERIOD_END, subscription.currentPeriodEnd())
			.set(STRIPE_SUBSCRIPTION_STATE.CANCEL_AT_PERIOD_END, subscription.cancelAtPeriodEnd())
			.set(STRIPE_SUBSCRIPTION_STATE.APPLIED_AT, at)
			.onConflict(STRIPE_SUBSCRIPTION_STATE.SUBSCRIPTION_ID)
			.doUpdate()
			.set(STRIPE_SUBSCRIPTION_STATE.STATUS, excluded(STRIPE_SUBSCRIPTION_STATE.STATUS))
			.set(STRIPE_SUBSCRIPTION_STATE.CURRENT_PERIOD_END, excluded(STRIPE_SUBSCRIPTION_STATE.CURRENT_PERIOD_END))
			.set(STRIPE_SUBSCRIPTION_STATE.CANCEL_AT_PERIOD_END,
					excluded(STRIPE_SUBSCRIPTION_STATE.CANCEL_AT_PERIOD_END))
			.set(STRIPE_SUBSCRIPTION_STATE.APPLIED_AT, excluded(STRIPE_SUBSCRIPTION_STATE.APPLIED_AT))
			.where(STRIPE_SUBSCRIPTION_STATE.APPLIED_AT.le(excluded(STRIPE_SUBSCRIPTION_STATE.APPLIED_AT)))
			.execute();
	}

	void recordDrift(Instant at, String kind, String objectId, String details) {
		this.db.insertInto(STRIPE_DRIFT)
			.set(STRIPE_DRIFT.FOUND_AT, at)
			.set(STRIPE_DRIFT.KIND, kind)
			.set(STRIPE_DRIFT.OBJECT_ID, objectId)
			.set(STRIPE_DRIFT.DETAILS, details)
			.execute();
	}

	List<ReconciliationDrift> recentDrift(int limit) {
		return this.db.selectFrom(STRIPE_DRIFT)
			.orderBy(STRIPE_DRIFT.FOUND_AT.desc(), STRIPE_DRIFT.ID.desc())
			.limit(limit)
			.fetch((row) -> new ReconciliationDrift(row.getFoundAt(), row.getKind(), row.getObjectId(),
					row.getDetails()));
	}

	/** A subscription's state as the service last applied it. */
	record AppliedSubscription(String id, String status, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {
	}

}
