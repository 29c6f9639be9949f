package org.supporters.supporter;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.supporter.LedgerRules.Cancellation;
import org.supporters.supporter.LedgerRules.PaymentState;
import org.supporters.supporter.LedgerRules.PledgeState;
import org.supporters.supporter.LedgerRules.Terms;

import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;

/** Writes supporters, pledges and payments. */
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
			.set(SUPPORTER.CREATED_AT, at)
			.onConflict(lower(SUPPORTER.EMAIL))
			.doUpdate()
			.set(SUPPORTER.NAME, coalesce(excluded(SUPPORTER.NAME), SUPPORTER.NAME))
			.returning(SUPPORTER.ID)
			.fetchSingle()
			.getId();
	}

	/** The pledge, locked until the transaction ends: one report at a time changes it. */
	Optional<StoredPledge> lockPledge(Provider provider, String reference) {
		return this.db.selectFrom(PLEDGE)
			.where(PLEDGE.PROVIDER.eq(provider))
			.and(PLEDGE.PROVIDER_REF.eq(reference))
			.forUpdate()
			.fetchOptional((row) -> new StoredPledge(row.getId(), row.getSupporterId(), row.getKind(), new PledgeState(
					row.getStatus(), row.getCurrentPeriodEnd(), row.getCancelAtPeriodEnd(), row.getEndedReason(),
					row.getEndedAt(), row.getProviderStateAt(), row.getNextRetryAt(),
					new Terms(Money.of(row.getAmountMinor(), row.getCurrency().trim()),
							(row.getBillingInterval() != null) ? BillingInterval.fromCode(row.getBillingInterval())
									: null,
							row.getTierId()),
					new Cancellation(row.getCancelReason(), row.getCancelComment(), row.getCanceledAt()))));
	}

	/**
	 * A new pledge; a period counts from when the reader paid, by the provider's clock.
	 */
	UUID insertPledge(UUID supporterId, PledgeKind kind, Long tierId, PledgeReported pledge, PledgeState state) {
		return this.db.insertInto(PLEDGE)
			.set(PLEDGE.SUPPORTER_ID, supporterId)
			.set(PLEDGE.KIND, kind)
			.set(PLEDGE.TIER_ID, tierId)
			.set(PLEDGE.AMOUNT_MINOR, pledge.amount().minor())
			.set(PLEDGE.CURRENCY, pledge.amount().currency().getCurrencyCode())
			.set(PLEDGE.BILLING_INTERVAL, pledge.recurring() ? pledge.interval().code() : null)
			.set(PLEDGE.STATUS, state.status())
			.set(PLEDGE.PROVIDER, pledge.provider())
			.set(PLEDGE.PROVIDER_REF, pledge.reference())
			.set(PLEDGE.CURRENT_PERIOD_END, state.currentPeriodEnd())
			.set(PLEDGE.CANCEL_AT_PERIOD_END, state.cancelAtPeriodEnd())
			.set(PLEDGE.ENDED_AT, state.endedAt())
			.set(PLEDGE.ENDED_REASON, state.endedReason())
			.set(PLEDGE.NEXT_RETRY_AT, state.nextRetryAt())
			.set(PLEDGE.CANCEL_REASON, state.cancellation().reason())
			.set(PLEDGE.CANCEL_COMMENT, state.cancellation().comment())
			.set(PLEDGE.CANCELED_AT, state.cancellation().at())
			.set(PLEDGE.CHECKOUT_ID, pledge.checkoutId())
			.set(PLEDGE.CREATED_AT, (pledge.startedAt() != null) ? pledge.startedAt() : pledge.observedAt())
			.set(PLEDGE.UPDATED_AT, pledge.observedAt())
			.set(PLEDGE.PROVIDER_STATE_AT, state.providerStateAt())
			.returning(PLEDGE.ID)
			.fetchSingle()
			.getId();
	}

	void updatePledge(UUID id, Long tierId, PledgeReported pledge, PledgeState state) {
		this.db.update(PLEDGE)
			.set(PLEDGE.AMOUNT_MINOR, pledge.amount().minor())
			.set(PLEDGE.CURRENCY, pledge.amount().currency().getCurrencyCode())
			.set(PLEDGE.BILLING_INTERVAL, pledge.recurring() ? pledge.interval().code() : null)
			.set(PLEDGE.TIER_ID, tierId)
			.set(PLEDGE.CHECKOUT_ID, coalesce(PLEDGE.CHECKOUT_ID, pledge.checkoutId()))
			.set(PLEDGE.PROVIDER_STATE_AT, state.providerStateAt())
			.where(PLEDGE.ID.eq(id))
			.execute();
		updatePledgeState(id, state, pledge.observedAt());
	}

	void updatePledgeState(UUID id, PledgeState state, Instant at) {
		this.db.update(PLEDGE)
			.set(PLEDGE.STATUS, state.status())
			.set(PLEDGE.CURRENT_PERIOD_END, state.currentPeriodEnd())
			.set(PLEDGE.CANCEL_AT_PERIOD_END, state.cancelAtPeriodEnd())
			.set(PLEDGE.ENDED_AT, state.endedAt())
			.set(PLEDGE.ENDED_REASON, state.endedReason())
			.set(PLEDGE.NEXT_RETRY_AT, state.nextRetryAt())
			.set(PLEDGE.CANCEL_REASON, state.cancellation().reason())
			.set(PLEDGE.CANCEL_COMMENT, state.cancellation().comment())
			.set(PLEDGE.CANCELED_AT, state.cancellation().at())
			.set(PLEDGE.UPDATED_AT, at)
			.where(PLEDGE.ID.eq(id))
			.execute();
	}

	Optional<StoredPayment> payment(Provider provider, String reference) {
		return this.db.selectFrom(PAYMENT)
			.where(PAYMENT.PROVIDER.eq(provider))
			.and(PAYMENT.PROVIDER_REF.eq(reference))
			.fetchOptional((row) -> new StoredPayment(row.getId(),
					new PaymentState(row.getStatus(), row.getRefundedMinor(), row.getProviderStateAt())));
	}

	/** When the pledge last took money, leaving out one payment. */
	Optional<Instant> latestPaymentAt(UUID pledgeId, String exceptReference) {
		return Optional.ofNullable(this.db.select(max(PAYMENT.OCCURRED_AT))
			.from(PAYMENT)
			.where(PAYMENT.PLEDGE_ID.eq(pledgeId))
			.and(PAYMENT.PROVIDER_REF.ne(exceptReference))
			.and(PAYMENT.STATUS.ne(PaymentStatus.FAILED))
			.fetchSingle()
			.value1());
	}

	/** Stores the payment as reported, unless a newer report is already stored. */
	UUID upsertPayment(UUID pledgeId, PaymentReported payment) {
		this.db.insertInto(PAYMENT)
			.set(PAYMENT.PLEDGE_ID, pledgeId)
			.set(PAYMENT.AMOUNT_MINOR, payment.amount().minor())
			.set(PAYMENT.CURRENCY, payment.amount().currency().getCurrencyCode())
			.set(PAYMENT.STATUS, payment.status())
			.set(PAYMENT.REFUNDED_MINOR, payment.refundedMinor())
			.set(PAYMENT.FAILURE_REASON, payment.failureReason())
			.set(PAYMENT.PROVIDER, payment.provider())
			.set(PAYMENT.PROVIDER_REF, payment.reference())
			.set(PAYMENT.OCCURRED_AT, payment.occurredAt())
			.set(PAYMENT.PROVIDER_STATE_AT, payment.observedAt())
			.onConflict(PAYMENT.PROVIDER, PAYMENT.PROVIDER_REF)
			.doUpdate()
			.set(PAYMENT.STATUS, excluded(PAYMENT.STATUS))
			.set(PAYMENT.REFUNDED_MINOR, excluded(PAYMENT.REFUNDED_MINOR))
			.set(PAYMENT.FAILURE_REASON, excluded(PAYMENT.FAILURE_REASON))
			.set(PAYMENT.PROVIDER_STATE_AT, excluded(PAYMENT.PROVIDER_STATE_AT))
			.where(PAYMENT.PROVIDER_STATE_AT.le(excluded(PAYMENT.PROVIDER_STATE_AT)))
			.execute();
		return this.db.select(PAYMENT.ID)
			.from(PAYMENT)
			.where(PAYMENT.PROVIDER.eq(payment.provider()))
			.and(PAYMENT.PROVIDER_REF.eq(payment.reference()))
			.fetchSingle(PAYMENT.ID);
	}

	void erase(UUID supporterId, String replacementEmail, Instant at) {
		this.db.update(SUPPORTER)
			.set(SUPPORTER.EMAIL, replacementEmail)
			.setNull(SUPPORTER.NAME)
			.set(SUPPORTER.ERASED_AT, at)
			.where(SUPPORTER.ID.eq(supporterId))
			.execute();
		// the reader's own words about why they canceled go with their name
		this.db.update(PLEDGE)
			.setNull(PLEDGE.CANCEL_COMMENT)
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.and(PLEDGE.CANCEL_COMMENT.isNotNull())
			.execute();
	}

	record StoredPledge(UUID id, UUID supporterId, PledgeKind kind, PledgeState state) {
	}

	record StoredPayment(UUID id, PaymentState state) {
	}

}
