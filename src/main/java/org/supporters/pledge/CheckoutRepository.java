package org.supporters.pledge;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.supporter.PledgeKind;

import static org.jooq.generated.Tables.CHECKOUT;
import static org.jooq.impl.DSL.lower;

@Repository
class CheckoutRepository {

	private final DSLContext db;

	private final Catalog catalog;

	CheckoutRepository(DSLContext db, Catalog catalog) {
		this.db = db;
		this.catalog = catalog;
	}

	/**
	 * Inserts a checkout under its idempotency key, or finds the one an earlier submit of
	 * the same form inserted.
	 */
	Checkout insertOrFind(String idempotencyKey, PledgeChoice choice, String returnUrl, String provider, Instant now) {
		this.db.insertInto(CHECKOUT)
			.set(CHECKOUT.IDEMPOTENCY_KEY, idempotencyKey)
			.set(CHECKOUT.EMAIL, choice.email())
			.set(CHECKOUT.NAME, choice.name())
			.set(CHECKOUT.KIND, choice.recurring() ? PledgeKind.RECURRING : PledgeKind.ONE_OFF)
			.set(CHECKOUT.TIER_ID, (choice.tier() != null) ? choice.tier().id() : null)
			.set(CHECKOUT.AMOUNT_MINOR, choice.amount().minor())
			.set(CHECKOUT.CURRENCY, choice.amount().currency().getCurrencyCode())
			.set(CHECKOUT.BILLING_INTERVAL, choice.recurring() ? choice.interval().code() : null)
			.set(CHECKOUT.PROVIDER, provider)
			.set(CHECKOUT.RETURN_URL, returnUrl)
			.set(CHECKOUT.CREATED_AT, now)
			.onConflict(CHECKOUT.IDEMPOTENCY_KEY)
			.doNothing()
			.execute();
		return this.db.selectFrom(CHECKOUT)
			.where(CHECKOUT.IDEMPOTENCY_KEY.eq(idempotencyKey))
			.fetchSingle(this::checkout);
	}

	/**
	 * Takes the asking of the provider for this open checkout's session, unless another
	 * request took it since {@code staleBefore}; whether this one did.
	 */
	boolean claimSessionRequest(UUID id, Instant now, Instant staleBefore) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.SESSION_REQUESTED_AT, now)
			.where(CHECKOUT.ID.eq(id))
			.and(CHECKOUT.STATUS.eq("open"))
			.and(CHECKOUT.REDIRECT_URL.isNull())
			.and(CHECKOUT.SESSION_REQUESTED_AT.isNull().or(CHECKOUT.SESSION_REQUESTED_AT.lt(staleBefore)))
			.execute() == 1;
	}

	/** The provider failed: the next submit may ask again at once. */
	void releaseSessionRequest(UUID id) {
		this.db.update(CHECKOUT).setNull(CHECKOUT.SESSION_REQUESTED_AT).where(CHECKOUT.ID.eq(id)).execute();
	}

	Optional<Checkout> find(UUID id) {
		return this.db.selectFrom(CHECKOUT).where(CHECKOUT.ID.eq(id)).fetchOptional(this::checkout);
	}

	void erase(String email, String replacementEmail) {
		this.db.update(CHECKOUT)
			.set(CHECKOUT.EMAIL, replacementEmail)
			.setNull(CHECKOUT.NAME)
			.where(lower(CHECKOUT.EMAIL).eq(lower(email)))
			.execute();
	}

	void recordSession(UUID id, String sessionReference, URI redirectUrl) {
		this.db.update(CHECKOUT)
			.set(CHECKOUT.PROVIDER_SESSION, sessionReference)
			.set(CHECKOUT.REDIRECT_URL, redirectUrl.toString())
			.where(CHECKOUT.ID.eq(id))
			.execute();
	}

	void markCompleted(UUID id, Instant at) {
		this.db.update(CHECKOUT)
			.set(CHECKOUT.STATUS, "completed")
			.set(CHECKOUT.COMPLETED_AT, at)
			.where(CHECKOUT.ID.eq(id))
			.and(CHECKOUT.STATUS.ne("completed"))
			.execute();
	}

	/**
	 * Marks the checkout's one sign-in on return; false when it was used or the checkout
	 * completed too long ago.
	 */
	boolean claimSignIn(UUID id, Instant now, Instant completedAfter) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.SIGNED_IN_AT, now)
			.where(CHECKOUT.ID.eq(id))
			.and(CHECKOUT.SIGNED_IN_AT.isNull())
			.and(CHECKOUT.COMPLETED_AT.gt(completedAfter))
			.execute() == 1;
	}

	int expireOpenCreatedBefore(Instant cutoff) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.STATUS, "expired")
			.where(CHECKOUT.STATUS.eq("open"))
			.and(CHECKOUT.CREATED_AT.lt(cutoff))
			.execute();
	}

	/** The checkout, its tier named by the catalog (which owns the tiers). */
	private Checkout checkout(Record row) {
		Long tierId = row.get(CHECKOUT.TIER_ID);
		String tierSlug = (tierId != null) ? this.catalog.tier(tierId).map(Tier::slug).orElse(null) : null;
		String interval = row.get(CHECKOUT.BILLING_INTERVAL);
		String redirect = row.get(CHECKOUT.REDIRECT_URL);
		return new Checkout(row.get(CHECKOUT.ID), row.get(CHECKOUT.EMAIL), row.get(CHECKOUT.NAME), tierSlug,
				Money.of(row.get(CHECKOUT.AMOUNT_MINOR), row.get(CHECKOUT.CURRENCY)),
				(interval != null) ? BillingInterval.fromCode(interval) : null, row.get(CHECKOUT.STATUS),
				(redirect != null) ? URI.create(redirect) : null, row.get(CHECKOUT.RETURN_URL));
	}

	/** A checkout as the pledge flow needs it back. */
	record Checkout(UUID id, String email, String name, String tierSlug, Money amount, BillingInterval interval,
			String status, URI redirectUrl, String returnUrl) {

		boolean completed() {
			return "completed".equals(this.status);
		}

		boolean open() {
			return "open".equals(this.status);
		}

	}

}
