package org.supporters.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

import static org.jooq.generated.Tables.PLEDGE_CHANGE;

/** The changes readers asked for, each under its form's idempotency key. */
@Repository
class PledgeChangeRepository {

	private final DSLContext db;

	PledgeChangeRepository(DSLContext db) {
		this.db = db;
	}

	/** Records the change; false when a change with this key was asked for before. */
	boolean insert(UUID key, UUID supporterId, UUID pledgeId, PendingChange.Kind kind, String tierSlug, Money amount,
			BillingInterval interval, Instant at) {
		return this.db.insertInto(PLEDGE_CHANGE)
			.set(PLEDGE_CHANGE.ID, key)
			.set(PLEDGE_CHANGE.SUPPORTER_ID, supporterId)
			.set(PLEDGE_CHANGE.PLEDGE_ID, pledgeId)
			.set(PLEDGE_CHANGE.KIND, kind.code())
			.set(PLEDGE_CHANGE.TIER_SLUG, tierSlug)
			.set(PLEDGE_CHANGE.AMOUNT_MINOR, (amount != null) ? amount.minor() : null)
			.set(PLEDGE_CHANGE.CURRENCY, (amount != null) ? amount.currency().getCurrencyCode() : null)
			.set(PLEDGE_CHANGE.BILLING_INTERVAL, (interval != null) ? interval.code() : null)
			.set(PLEDGE_CHANGE.REQUESTED_AT, at)
			.onConflictDoNothing()
			.execute() == 1;
	}

	/** Whether the supporter asked for a change under this key already. */
	boolean exists(UUID key, UUID supporterId) {
		return this.db.fetchExists(PLEDGE_CHANGE,
				PLEDGE_CHANGE.ID.eq(key).and(PLEDGE_CHANGE.SUPPORTER_ID.eq(supporterId)));
	}

	/**
	 * The provider refused or failed: the change was never made, so it is not pending.
	 */
	void delete(UUID key) {
		this.db.deleteFrom(PLEDGE_CHANGE).where(PLEDGE_CHANGE.ID.eq(key)).execute();
	}

	/** The supporter's changes asked for since then, newest first. */
	List<PendingChange> since(UUID supporterId, Instant since) {
		return this.db.selectFrom(PLEDGE_CHANGE)
			.where(PLEDGE_CHANGE.SUPPORTER_ID.eq(supporterId))
			.and(PLEDGE_CHANGE.REQUESTED_AT.ge(since))
			.orderBy(PLEDGE_CHANGE.REQUESTED_AT.desc())
			.fetch((row) -> new PendingChange(row.getPledgeId(), PendingChange.Kind.of(row.getKind()),
					row.getTierSlug(),
					(row.getAmountMinor() != null) ? Money.of(row.getAmountMinor(), row.getCurrency().trim()) : null,
					(row.getBillingInterval() != null) ? BillingInterval.fromCode(row.getBillingInterval()) : null,
					row.getRequestedAt()));
	}

}
