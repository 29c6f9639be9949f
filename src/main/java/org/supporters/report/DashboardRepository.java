package org.supporters.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.membership.CurrentSupporters;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;

/**
 * The dashboard's aggregates, each one query that an index of V6 answers (see README,
 * "Staff reports").
 */
@Repository
class DashboardRepository {

	/**
	 * How long before a recovery its failure may be: longer than any provider retries.
	 */
	static final Duration RECOVERY_LOOKBACK = Duration.ofDays(62);

	private final DSLContext db;

	/** Which pledges count now: the same rule as membership's. */
	private final CurrentSupporters current;

	DashboardRepository(DSLContext db, CurrentSupporters current) {
		this.db = db;
		this.current = current;
	}

	/** Supporters with a current recurring pledge. */
	long activeSupporters(Instant now) {
		return count("select count(distinct p.supporter_id) from pledge p where " + this.current.sql("p"), now);
	}

	/** Active supporters per tier in display order, own amounts last (tier name null). */
	List<Dashboard.TierCount> tierMix(Instant now) {
		return this.db.fetch("""
				select t.name, count(distinct p.supporter_id) as supporters
				from pledge p left join tier t on t.id = p.tier_id
				where %s
				group by t.id, t.name, t.position
				order by t.position nulls last, t.id
				""".formatted(this.current.sql("p")), now)
			.map((row) -> new Dashboard.TierCount(row.get(0, String.class), row.get(1, Long.class)));
	}

	/**
	 * Recurring revenue per currency, as annual amounts in minor units: a monthly pledge
	 * counts twelve times, a yearly one once (MRR is this over twelve).
	 */
	List<AnnualRecurring> annualRecurringPerCurrency(Instant now) {
		return this.db
			.fetch("""
					select p.currency,
					       sum(case p.billing_interval when 'month' then p.amount_minor * 12 else p.amount_minor end) as annual,
					       count(*) as pledges
					from pledge p
					where %s
					group by p.currency
					order by p.currency
					"""
				.formatted(this.current.sql("p")), now)
			.map((row) -> new AnnualRecurring(row.get(0, String.class).trim(), row.get(1, Long.class),
					row.get(2, Long.class)));
	}

	/** New recurring supporters per month (UTC) since the month given. */
	List<MonthCount> newPerMonth(YearMonth from) {
		return monthCounts("""
				select date_trunc('month', created_at at time zone 'UTC') as month, count(distinct supporter_id)
				from pledge
				where kind = 'recurring' and created_at >= ?::timestamptz
				group by 1
				""", from);
	}

	/** Recurring pledges that ended per month (UTC): canceled, failed or refunded. */
	List<MonthCount> churnedPerMonth(YearMonth from) {
		return monthCounts("""
				select date_trunc('month', ended_at at time zone 'UTC') as month, count(distinct supporter_id)
				from pledge
				where kind = 'recurring' and ended_at is not null and ended_at >= ?::timestamptz
				group by 1
				""", from);
	}

	/** One-off revenue kept (paid less refunded) per month and currency. */
	List<MonthAmount> oneOffRevenuePerMonth(YearMonth from) {
		OffsetDateTime start = start(from);
		return this.db
			.fetch("""
					select date_trunc('month', py.occurred_at at time zone 'UTC') as month, py.currency,
					       sum(py.amount_minor - py.refunded_minor)
					from pledge pl
					-- offset 0 keeps this a lookup per one-off pledge (index-only): a hash join over
					-- every payment was 4 times slower on the seeded database (see README)
					cross join lateral (select * from payment py where py.pledge_id = pl.id offset 0) py
					where pl.kind = 'one_off' and pl.created_at >= ?::timestamptz - interval '1 day' and py.occurred_at >= ?::timestamptz
					  and py.status in ('succeeded', 'partially_refunded', 'refunded', 'disputed')
					group by 1, 2
					order by 1, 2
					""",
					start, start)
			.map((row) -> new MonthAmount(YearMonth.from(row.get(0, LocalDateTime.class)),
					row.get(1, String.class).trim(), row.get(2, Long.class)));
	}

	long failingNow() {
		return count("select count(*) from pledge where kind = '%s' and status = '%s'"
			.formatted(PledgeKind.RECURRING.code(), PledgeStatus.PAST_DUE.code()));
	}

	/** Pledges with a failed payment since the time given that are active again. */
	long recoveredSince(Instant since) {
		return count("""
				select count(distinct py.pledge_id)
				from payment py
				-- a key lookup per recent failed payment, not a scan of every pledge
				cross join lateral (select status from pledge pl where pl.id = py.pledge_id offset 0) pl
				where py.status = '%s' and py.occurred_at >= ?::timestamptz and pl.status = '%s'
				""".formatted(PaymentStatus.FAILED.code(), PledgeStatus.ACTIVE.code()), since);
	}

	/** Recurring pledges with a failed payment in the month. */
	long failedRenewals(YearMonth month) {
		return count("""
				select count(distinct py.pledge_id) from payment py
				where py.status = '%s' and py.occurred_at >= ?::timestamptz and py.occurred_at < ?::timestamptz
				""".formatted(PaymentStatus.FAILED.code()), start(month), start(month.plusMonths(1)));
	}

	/**
	 * Payments in the month that took money right after a failed one of the same pledge:
	 * the pledges they recovered, and the amount, per currency. It starts from the failed
	 * payments (a partial index; few beside all payments) of the month and the
	 * {@link #RECOVERY_LOOKBACK} before it: no provider retries longer.
	 */
	List<Recovery> recoveries(YearMonth month) {
		OffsetDateTime start = start(month);
		return this.db
			.fetch("""
					select paid.currency, count(distinct paid.pledge_id), sum(paid.amount_minor)
					from payment failed
					cross join lateral (
					    select py.pledge_id, py.currency, py.amount_minor, py.status, py.occurred_at from payment py
					    where py.pledge_id = failed.pledge_id and py.occurred_at > failed.occurred_at
					    order by py.occurred_at limit 1) paid
					where failed.status = '%1$s' and failed.occurred_at >= ?::timestamptz and failed.occurred_at < ?::timestamptz
					  and paid.status <> '%1$s' and paid.occurred_at >= ?::timestamptz and paid.occurred_at < ?::timestamptz
					group by paid.currency
					order by paid.currency
					"""
				.formatted(PaymentStatus.FAILED.code()), start.minus(RECOVERY_LOOKBACK), start(month.plusMonths(1)),
					start, start(month.plusMonths(1)))
			.map((row) -> new Recovery(row.get(0, String.class).trim(), row.get(1, Long.class),
					row.get(2, Long.class)));
	}

	/** Pledges that ended in the month because the provider gave up retrying. */
	long lostToFailedPayments(YearMonth month) {
		return count("""
				select count(*) from pledge
				where kind = '%s' and ended_at is not null and ended_at >= ?::timestamptz
				  and ended_at < ?::timestamptz and ended_reason = '%s'
				""".formatted(PledgeKind.RECURRING.code(), EndedReason.PAYMENT_FAILED.code()), start(month),
				start(month.plusMonths(1)));
	}

	/** Readers' cancels heard in the month, per reason ({@code null}: none given). */
	List<ReasonTally> cancellations(YearMonth month) {
		return this.db.fetch("""
				select cancel_reason, count(*) from pledge
				where canceled_at >= ?::timestamptz and canceled_at < ?::timestamptz
				group by cancel_reason
				order by count(*) desc, cancel_reason nulls last
				""", start(month), start(month.plusMonths(1)))
			.map((row) -> new ReasonTally(
					(row.get(0, String.class) != null) ? CancelReason.of(row.get(0, String.class)) : null,
					row.get(1, Long.class)));
	}

	private long count(String sql, Object... bindings) {
		return this.db.fetchSingle(sql, bindings).get(0, Long.class);
	}

	private List<MonthCount> monthCounts(String sql, YearMonth from) {
		return this.db.fetch(sql, start(from))
			.map((row) -> new MonthCount(YearMonth.from(row.get(0, LocalDateTime.class)), row.get(1, Long.class)));
	}

	private static OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	record MonthCount(YearMonth month, long count) {
	}

	record Recovery(String currency, long pledges, long minor) {
	}

	record ReasonTally(CancelReason reason, long count) {
	}

	record AnnualRecurring(String currency, long annualMinor, long pledges) {
	}

	record MonthAmount(YearMonth month, String currency, long minor) {
	}

}
