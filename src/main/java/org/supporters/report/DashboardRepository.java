package org.supporters.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.supporter.CancelReason;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PledgeKind;

/**
 * The dashboard's aggregates. The figures of now and of the last twelve months add up the
 * ledger's summary (tables {@code ledger_day} and {@code ledger_part}, kept by the ledger
 * in the transaction of each change), so they take as long for a million supporters as
 * for a thousand; this month's churn counts the month's failed payments, cancels and
 * ends, each one query that an index of V6 answers (see README, "Staff reports").
 */
@Repository
class DashboardRepository {

	/**
	 * How long before a recovery its failure may be: longer than any provider retries
	 * (the summary's view, V22, says the same).
	 */
	static final Duration RECOVERY_LOOKBACK = Duration.ofDays(62);

	/**
	 * The ledger's summary of the recurring pledges that count now, as a table {@code c}
	 * with three bindings (today, now and tomorrow's start, in UTC): the rows dated after
	 * today, and today's parts that count until later today. Which pledges count is
	 * membership's rule ({@code CurrentSupporters}), which the summary keeps.
	 */
	private static final String CURRENT = """
			(select tier_id, currency, current_pledges, current_annual_minor, current_supporters, current_tier_supporters
			 from ledger_day where day > ?::date
			 union all
			 select tier_id, currency, current_pledges, current_annual_minor, current_supporters, current_tier_supporters
			 from ledger_part where current_until > ?::timestamptz and current_until < ?::timestamptz) c""";

	private final DSLContext db;

	DashboardRepository(DSLContext db) {
		this.db = db;
	}

	/** Supporters with a current recurring pledge. */
	long activeSupporters(Instant now) {
		return this.db
			.fetchSingle("select coalesce(sum(c.current_supporters), 0)::bigint from " + CURRENT, current(now))
			.get(0, Long.class);
	}

	/** Active supporters per tier in display order, own amounts last (tier name null). */
	List<Dashboard.TierCount> tierMix(Instant now) {
		return this.db.fetch("""
				select t.name, sum(c.current_tier_supporters)::bigint as supporters
				from %s left join tier t on t.id = c.tier_id
				group by c.tier_id, t.name, t.position
				having sum(c.current_tier_supporters) > 0
				order by t.position nulls last, c.tier_id
				""".formatted(CURRENT), current(now))
			.map((row) -> new Dashboard.TierCount(row.get(0, String.class), row.get(1, Long.class)));
	}

	/**
	 * Recurring revenue per currency, as annual amounts in minor units: a monthly pledge
	 * counts twelve times, a yearly one once (MRR is this over twelve).
	 */
	List<AnnualRecurring> annualRecurringPerCurrency(Instant now) {
		return this.db.fetch("""
				select c.currency, sum(c.current_annual_minor)::bigint, sum(c.current_pledges)::bigint
				from %s
				group by c.currency
				having sum(c.current_pledges) > 0
				order by c.currency
				""".formatted(CURRENT), current(now))
			.map((row) -> new AnnualRecurring(row.get(0, String.class).trim(), row.get(1, Long.class),
					row.get(2, Long.class)));
	}

	/**
	 * New recurring supporters per month (UTC) since the month given: those whose first
	 * recurring pledge of the month started then.
	 */
	List<MonthCount> newPerMonth(YearMonth from) {
		return monthCounts("started", from);
	}

	/**
	 * Supporters with a recurring pledge that ended per month (UTC): canceled, failed or
	 * refunded.
	 */
	List<MonthCount> churnedPerMonth(YearMonth from) {
		return monthCounts("ended", from);
	}

	/** One-off revenue kept (paid less refunded) per month and currency. */
	List<MonthAmount> oneOffRevenuePerMonth(YearMonth from) {
		return this.db.fetch("""
				select date_trunc('month', day::timestamp), currency, sum(one_off_minor)::bigint
				from ledger_day
				where day >= ?::date and one_off_payments <> 0
				group by 1, 2
				having sum(one_off_payments) > 0
				order by 1, 2
				""", from.atDay(1))
			.map((row) -> new MonthAmount(YearMonth.from(row.get(0, LocalDateTime.class)),
					row.get(1, String.class).trim(), row.get(2, Long.class)));
	}

	/** Recurring pledges whose last renewal failed, while the provider retries. */
	long failingNow() {
		return count("select coalesce(sum(past_due), 0)::bigint from ledger_day where past_due <> 0");
	}

	/**
	 * Pledges with a failed payment since the time given that are active again: the
	 * summary's rows dated after that day, and that day's parts after that moment.
	 */
	long recoveredSince(Instant since) {
		LocalDate day = LocalDate.ofInstant(since, ZoneOffset.UTC);
		return count("""
				select coalesce(sum(c.active_after_failure), 0)::bigint from (
				  select active_after_failure from ledger_day where day > ?::date and active_after_failure <> 0
				  union all
				  select active_after_failure from ledger_part
				  where last_failed_at >= ?::timestamptz and last_failed_at < ?::timestamptz) c
				""", day, since, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	/** Recurring pledges with a failed payment in the month. */
	long failedRenewals(YearMonth month) {
		return count("select coalesce(sum(failed), 0)::bigint from ledger_day where day >= ?::date and day < ?::date"
				+ " and failed <> 0", month.atDay(1), month.plusMonths(1).atDay(1));
	}

	/**
	 * Payments in the month that took money right after a failed one of the same pledge
	 * (failed at most {@link #RECOVERY_LOOKBACK} before the month): the pledges they
	 * recovered, and the amount, per currency.
	 */
	List<Recovery> recoveries(YearMonth month) {
		return this.db.fetch("""
				select currency, sum(recovered)::bigint, sum(recovered_minor)::bigint from ledger_day
				where day >= ?::date and day < ?::date and recovered <> 0
				group by currency
				having sum(recovered) > 0
				order by currency
				""", month.atDay(1), month.plusMonths(1).atDay(1))
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

	private List<MonthCount> monthCounts(String column, YearMonth from) {
		return this.db.fetch("""
				select date_trunc('month', day::timestamp), sum(%1$s)::bigint
				from ledger_day
				where day >= ?::date and %1$s <> 0
				group by 1
				having sum(%1$s) > 0
				""".formatted(column), from.atDay(1))
			.map((row) -> new MonthCount(YearMonth.from(row.get(0, LocalDateTime.class)), row.get(1, Long.class)));
	}

	/** The bindings of {@link #CURRENT} for the time given. */
	private static Object[] current(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return new Object[] { today, now, today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) };
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
