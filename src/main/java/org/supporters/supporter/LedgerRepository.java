package org.supporters.supporter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.payment.PaymentReported;
import org.supporters.payment.PledgeReported;

import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.lower;

/** Writes supporters, pledges and payments; every write is an idempotent upsert. */
@Repository
class LedgerRepository {

	private final DSLContext db;

	LedgerRepository(DSLContext db) {
		this.db = db;
	}

	/**
	 * The supporter with this email in any letter case, created if new; a given name is
	 * kept.
	 */
	UUID upsertSupporter(String email, String name, Instant at) {
		return this.db.insertInto(SUPPORTER)
			.set(SUPPORTER.EMAIL, email)
			.set(SUPPORTER.NAME, name)
			.set(SUPPORTER.CREATED_AT, at(at))
			.onConflict(lower(SUPPORTER.EMAIL))
			.doUpdate()
			.set(SUPPORTER.NAME, coalesce(excluded(SUPPORTER.NAME), SUPPORTER.NAME))
			.returning(SUPPORTER.ID)
			.fetchSingle()
			.getId();
	}

	/**
	 * Stores the pledge as reported, unless a newer report is already stored: events that
	 * arrive late or twice change nothing.
	 */
	void upsertPledge(UUID supporterId, Long tierId, PledgeReported pledge) {
		boolean ended = "canceled".equals(pledge.status()) || "refunded".equals(pledge.status());
		OffsetDateTime endedAt = ended ? at(pledge.observedAt()) : null;
		this.db.insertInto(PLEDGE)
			.set(PLEDGE.SUPPORTER_ID, supporterId)
			.set(PLEDGE.KIND, pledge.recurring() ? "recurring" : "one_off")
			.set(PLEDGE.TIER_ID, tierId)
			.set(PLEDGE.AMOUNT_MINOR, pledge.amount().minor())
			.set(PLEDGE.CURRENCY, pledge.amount().currency().getCurrencyCode())
			.set(PLEDGE.BILLING_INTERVAL, pledge.recurring() ? pledge.interval().code() : null)
			.set(PLEDGE.STATUS, pledge.status())
			.set(PLEDGE.PROVIDER, pledge.provider())
			.set(PLEDGE.PROVIDER_REF, pledge.reference())
			.set(PLEDGE.CURRENT_PERIOD_END, at(pledge.currentPeriodEnd()))
			.set(PLEDGE.CANCEL_AT_PERIOD_END, pledge.cancelAtPeriodEnd())
			.set(PLEDGE.ENDED_AT, endedAt)
			.set(PLEDGE.ENDED_REASON, pledge.endedReason())
			.set(PLEDGE.CHECKOUT_ID, pledge.checkoutId())
			.set(PLEDGE.CREATED_AT, at(pledge.observedAt()))
			.set(PLEDGE.UPDATED_AT, at(pledge.observedAt()))
			.set(PLEDGE.PROVIDER_STATE_AT, at(pledge.observedAt()))
			.onConflict(PLEDGE.PROVIDER, PLEDGE.PROVIDER_REF)
			.doUpdate()
			.set(PLEDGE.STATUS, excluded(PLEDGE.STATUS))
			.set(PLEDGE.AMOUNT_MINOR, excluded(PLEDGE.AMOUNT_MINOR))
			.set(PLEDGE.TIER_ID, excluded(PLEDGE.TIER_ID))
			.set(PLEDGE.CURRENT_PERIOD_END, excluded(PLEDGE.CURRENT_PERIOD_END))
			.set(PLEDGE.CANCEL_AT_PERIOD_END, excluded(PLEDGE.CANCEL_AT_PERIOD_END))
			.set(PLEDGE.ENDED_AT, coalesce(PLEDGE.ENDED_AT, excluded(PLEDGE.ENDED_AT)))
			.set(PLEDGE.ENDED_REASON, excluded(PLEDGE.ENDED_REASON))
			.set(PLEDGE.CHECKOUT_ID, coalesce(PLEDGE.CHECKOUT_ID, excluded(PLEDGE.CHECKOUT_ID)))
			.set(PLEDGE.UPDATED_AT, excluded(PLEDGE.UPDATED_AT))
			.set(PLEDGE.PROVIDER_STATE_AT, excluded(PLEDGE.PROVIDER_STATE_AT))
			.where(PLEDGE.PROVIDER_STATE_AT.le(excluded(PLEDGE.PROVIDER_STATE_AT)))
			.execute();
	}

	Optional<UUID> pledgeId(String provider, String reference) {
		return this.db.select(PLEDGE.ID)
			.from(PLEDGE)
			.where(PLEDGE.PROVIDER.eq(provider))
			.and(PLEDGE.PROVIDER_REF.eq(reference))
			.fetchOptional(PLEDGE.ID);
	}

	/** Stores the payment as reported, unless a newer report is already stored. */
	void upsertPayment(UUID pledgeId, PaymentReported payment) {
		this.db.insertInto(PAYMENT)
			.set(PAYMENT.PLEDGE_ID, pledgeId)
			.set(PAYMENT.AMOUNT_MINOR, payment.amount().minor())
			.set(PAYMENT.CURRENCY, payment.amount().currency().getCurrencyCode())
			.set(PAYMENT.STATUS, payment.status())
			.set(PAYMENT.REFUNDED_MINOR, payment.refundedMinor())
			.set(PAYMENT.FAILURE_REASON, payment.failureReason())
			.set(PAYMENT.PROVIDER, payment.provider())
			.set(PAYMENT.PROVIDER_REF, payment.reference())
			.set(PAYMENT.OCCURRED_AT, at(payment.occurredAt()))
			.set(PAYMENT.PROVIDER_STATE_AT, at(payment.observedAt()))
			.onConflict(PAYMENT.PROVIDER, PAYMENT.PROVIDER_REF)
			.doUpdate()
			.set(PAYMENT.STATUS, excluded(PAYMENT.STATUS))
			.set(PAYMENT.REFUNDED_MINOR, excluded(PAYMENT.REFUNDED_MINOR))
			.set(PAYMENT.FAILURE_REASON, excluded(PAYMENT.FAILURE_REASON))
			.set(PAYMENT.PROVIDER_STATE_AT, excluded(PAYMENT.PROVIDER_STATE_AT))
			.where(PAYMENT.PROVIDER_STATE_AT.le(excluded(PAYMENT.PROVIDER_STATE_AT)))
			.execute();
	}

	void erase(UUID supporterId, String replacementEmail, Instant at) {
		this.db.update(SUPPORTER)
			.set(SUPPORTER.EMAIL, replacementEmail)
			.setNull(SUPPORTER.NAME)
			.set(SUPPORTER.ERASED_AT, at(at))
			.where(SUPPORTER.ID.eq(supporterId))
			.execute();
	}

	private static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
