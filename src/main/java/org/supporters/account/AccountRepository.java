package org.supporters.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.Money;

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

	/** The supporter's pledges, newest first. */
	List<PledgeLine> pledges(UUID supporterId) {
		return this.db
			.select(PLEDGE.KIND, TIER.NAME, PLEDGE.AMOUNT_MINOR, PLEDGE.CURRENCY, PLEDGE.BILLING_INTERVAL,
					PLEDGE.STATUS, PLEDGE.CURRENT_PERIOD_END, PLEDGE.CANCEL_AT_PERIOD_END, PLEDGE.CREATED_AT)
			.from(PLEDGE)
			.leftJoin(TIER)
			.on(TIER.ID.eq(PLEDGE.TIER_ID))
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.orderBy(PLEDGE.CREATED_AT.desc())
			.fetch((row) -> new PledgeLine("recurring".equals(row.value1()), row.value2(),
					Money.of(row.value3(), row.value4()).formatted(), row.value5(), row.value6(),
					(row.value7() != null) ? row.value7().toInstant() : null, row.value8(), row.value9().toInstant()));
	}

	/** A pledge as the account page lists it. */
	record PledgeLine(boolean recurring, String tierName, String amount, String interval, String status,
			Instant periodEnd, boolean cancelAtPeriodEnd, Instant startedAt) {
	}

}
