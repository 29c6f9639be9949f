package org.supporters.supporter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.generated.tables.records.PledgeRecord;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;
import static org.jooq.impl.DSL.lower;

/** Reads supporters, pledges and payments for {@link Supporters}. */
@Repository
class LedgerReadRepository {

	private final DSLContext db;

	LedgerReadRepository(DSLContext db) {
		this.db = db;
	}

	Optional<Supporter> supporter(UUID id) {
		return this.db.selectFrom(SUPPORTER)
			.where(SUPPORTER.ID.eq(id))
			.fetchOptional((row) -> new Supporter(row.getId(), row.getEmail(), row.getName(), row.getCreatedAt(),
					row.getErasedAt()));
	}

	Optional<UUID> idOf(String email) {
		return this.db.select(SUPPORTER.ID)
			.from(SUPPORTER)
			.where(lower(SUPPORTER.EMAIL).eq(email.trim().toLowerCase(Locale.ROOT)))
			.fetchOptional(SUPPORTER.ID);
	}

	List<Pledge> pledges(UUID supporterId) {
		return this.db.selectFrom(PLEDGE)
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.orderBy(PLEDGE.CREATED_AT.desc(), PLEDGE.ID)
			.fetch(LedgerReadRepository::pledge);
	}

	Optional<Pledge> pledge(UUID pledgeId) {
		return this.db.selectFrom(PLEDGE).where(PLEDGE.ID.eq(pledgeId)).fetchOptional(LedgerReadRepository::pledge);
	}

	List<Pledge> renewingBetween(BillingInterval interval, Instant after, Instant until) {
		return this.db.selectFrom(PLEDGE)
			.where(PLEDGE.KIND.eq(PledgeKind.RECURRING))
			.and(PLEDGE.STATUS.eq(PledgeStatus.ACTIVE))
			.and(PLEDGE.CANCEL_AT_PERIOD_END.isFalse())
			.and(PLEDGE.BILLING_INTERVAL.eq(interval.code()))
			.and(PLEDGE.CURRENT_PERIOD_END.gt(after))
			.and(PLEDGE.CURRENT_PERIOD_END.le(until))
			.orderBy(PLEDGE.CURRENT_PERIOD_END, PLEDGE.ID)
			.fetch(LedgerReadRepository::pledge);
	}

	List<Pledge> oneOffsPaidBetween(Instant after, Instant until) {
		return this.db.selectFrom(PLEDGE)
			.where(PLEDGE.KIND.eq(PledgeKind.ONE_OFF))
			.and(PLEDGE.STATUS.eq(PledgeStatus.PAID))
			.and(PLEDGE.CREATED_AT.gt(after))
			.and(PLEDGE.CREATED_AT.le(until))
			.orderBy(PLEDGE.CREATED_AT, PLEDGE.ID)
			.fetch(LedgerReadRepository::pledge);
	}

	private static Pledge pledge(PledgeRecord row) {
		return new Pledge(row.getId(), row.getSupporterId(), row.getKind(), row.getTierId(),
				Money.of(row.getAmountMinor(), row.getCurrency()),
				(row.getBillingInterval() != null) ? BillingInterval.fromCode(row.getBillingInterval()) : null,
				row.getStatus(), row.getProvider(), row.getProviderRef(), row.getCreatedAt(), row.getCurrentPeriodEnd(),
				row.getCancelAtPeriodEnd(), row.getEndedAt(), row.getEndedReason(), row.getNextRetryAt(),
				row.getCancelReason(), row.getCancelComment());
	}

	List<Payment> payments(UUID supporterId) {
		return this.db.select(PAYMENT.asterisk())
			.from(PAYMENT)
			.join(PLEDGE)
			.on(PLEDGE.ID.eq(PAYMENT.PLEDGE_ID))
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.orderBy(PAYMENT.OCCURRED_AT.desc(), PAYMENT.ID)
			.fetch((row) -> new Payment(row.get(PAYMENT.ID), row.get(PAYMENT.PLEDGE_ID),
					Money.of(row.get(PAYMENT.AMOUNT_MINOR), row.get(PAYMENT.CURRENCY)), row.get(PAYMENT.STATUS),
					Money.of(row.get(PAYMENT.REFUNDED_MINOR), row.get(PAYMENT.CURRENCY)),
					row.get(PAYMENT.FAILURE_REASON), row.get(PAYMENT.PROVIDER), row.get(PAYMENT.PROVIDER_REF),
					row.get(PAYMENT.OCCURRED_AT)));
	}

}
