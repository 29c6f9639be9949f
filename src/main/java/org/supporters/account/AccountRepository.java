package org.supporters.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.Money;

import static org.jooq.generated.Tables.COMP;
import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;
import static org.jooq.generated.Tables.TIER;

@Repository
class AccountRepository {

	private final DSLContext db;

	AccountRepository(DSLContext db) {
		this.db = db;
	}

	Optional<String> email(UUID supporterId) {
		return this.db.select(SUPPORTER.EMAIL)
			.from(SUPPORTER)
			.where(SUPPORTER.ID.eq(supporterId))
			.fetchOptional(SUPPORTER.EMAIL);
	}

	/** Who the supporter is, unless they were erased. */
	Optional<PersonalData.Person> person(UUID supporterId) {
		return this.db.select(SUPPORTER.ID, SUPPORTER.EMAIL, SUPPORTER.NAME, SUPPORTER.CREATED_AT)
			.from(SUPPORTER)
			.where(SUPPORTER.ID.eq(supporterId))
			.and(SUPPORTER.ERASED_AT.isNull())
			.fetchOptional((row) -> new PersonalData.Person(row.value1(), row.value2(), row.value3(),
					row.value4().toInstant()));
	}

	/** Everything about the supporter's pledges, newest first. */
	List<PersonalData.PledgeRecord> pledgeRecords(UUID supporterId) {
		return this.db
			.select(PLEDGE.ID, PLEDGE.KIND, TIER.NAME, PLEDGE.AMOUNT_MINOR, PLEDGE.CURRENCY, PLEDGE.BILLING_INTERVAL,
					PLEDGE.STATUS, PLEDGE.PROVIDER, PLEDGE.CREATED_AT, PLEDGE.CURRENT_PERIOD_END,
					PLEDGE.CANCEL_AT_PERIOD_END, PLEDGE.ENDED_AT, PLEDGE.ENDED_REASON)
			.from(PLEDGE)
			.leftJoin(TIER)
			.on(TIER.ID.eq(PLEDGE.TIER_ID))
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.orderBy(PLEDGE.CREATED_AT.desc(), PLEDGE.ID)
			.fetch((row) -> new PersonalData.PledgeRecord(row.value1(), row.value2(), row.value3(), row.value4(),
					row.value5(), row.value6(), row.value7(), row.value8(), instant(row.value9()),
					instant(row.value10()), row.value11(), instant(row.value12()), row.value13()));
	}

	/** Every payment of the supporter's pledges, oldest first. */
	List<PersonalData.PaymentRecord> paymentRecords(UUID supporterId) {
		return this.db
			.select(PAYMENT.PLEDGE_ID, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY, PAYMENT.STATUS, PAYMENT.REFUNDED_MINOR,
					PAYMENT.PROVIDER, PAYMENT.OCCURRED_AT)
			.from(PAYMENT)
			.join(PLEDGE)
			.on(PLEDGE.ID.eq(PAYMENT.PLEDGE_ID))
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.orderBy(PAYMENT.OCCURRED_AT, PAYMENT.ID)
			.fetch((row) -> new PersonalData.PaymentRecord(row.value1(), row.value2(), row.value3(), row.value4(),
					row.value5(), row.value6(), instant(row.value7())));
	}

	/** Memberships staff gave the supporter; staff's reasons are their own notes. */
	List<PersonalData.CompRecord> compRecords(UUID supporterId) {
		return this.db.select(TIER.NAME, COMP.GRANTED_AT, COMP.VALID_UNTIL, COMP.REVOKED_AT)
			.from(COMP)
			.join(TIER)
			.on(TIER.ID.eq(COMP.TIER_ID))
			.where(COMP.SUPPORTER_ID.eq(supporterId))
			.orderBy(COMP.GRANTED_AT)
			.fetch((row) -> new PersonalData.CompRecord(row.value1(), instant(row.value2()), instant(row.value3()),
					instant(row.value4())));
	}

	/** Whether a recurring pledge of the supporter will be charged again. */
	boolean hasPledgeStillCharging(UUID supporterId) {
		return this.db.fetchExists(PLEDGE,
				PLEDGE.SUPPORTER_ID.eq(supporterId)
					.and(PLEDGE.KIND.eq("recurring"))
					.and(PLEDGE.STATUS.in("active", "past_due"))
					.and(PLEDGE.CANCEL_AT_PERIOD_END.isFalse()));
	}

	private static Instant instant(OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	/** A pledge as the account page lists it. */
	record PledgeLine(boolean recurring, String tierName, String amount, String interval, String status,
			Instant periodEnd, boolean cancelAtPeriodEnd, Instant startedAt) {

		static PledgeLine of(PersonalData.PledgeRecord pledge) {
			return new PledgeLine("recurring".equals(pledge.kind()), pledge.tier(),
					Money.of(pledge.amountMinor(), pledge.currency()).formatted(), pledge.billingInterval(),
					pledge.status(), pledge.currentPeriodEnd(), pledge.cancelAtPeriodEnd(), pledge.createdAt());
		}

	}

}
