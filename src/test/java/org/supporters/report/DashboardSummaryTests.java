package org.supporters.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.IntegrationTest;
import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.membership.CurrentSupporters;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.LedgerSummaries;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeReported;
import org.supporters.supporter.PledgeReported.State;
import org.supporters.supporter.Provider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's summary, kept in the transaction of each change, equals the one rebuilt
 * from pledges and payments after a random history told to the ledger (pledges in three
 * currencies and two intervals at three tiers and own amounts, renewals, failed renewals
 * and retries, recoveries, cancels, ends, refunds, one-offs); and the dashboard's figures
 * read from it equal the same figures counted from the pledges and payments as the
 * dashboard counted them before, now and as time alone passes (periods and grace running
 * out).
 */
class DashboardSummaryTests extends IntegrationTest {

	private static final List<String> CURRENCIES = List.of("EUR", "GBP", "USD");

	private static final List<String> TIERS = new ArrayList<>(List.of("friend", "supporter", "patron"));

	static {
		TIERS.add(null);
	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DashboardRepository dashboard;

	@Autowired
	LedgerSummaries summaries;

	@Autowired
	CurrentSupporters current;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	Clock clock;

	@Test
	void theKeptSummaryEqualsTheRebuiltOneAndTheFiguresCountedFromThePledges() {
		this.inbox.applyDue();
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Instant now = this.clock.instant();
		history(random, now, "summary-" + UUID.randomUUID().toString().substring(0, 8));

		assertThat(keptEqualsRebuilt()).as("kept rows against rebuilt ones, seed " + seed).isEmpty();
		for (Duration later : List.of(Duration.ZERO, Duration.ofHours(7), Duration.ofDays(3), Duration.ofDays(9),
				Duration.ofDays(33), Duration.ofDays(400))) {
			Instant at = now.plus(later);
			assertThat(figures(at)).as("figures " + later + " from now, seed " + seed).isEqualTo(counted(at));
		}
	}

	/**
	 * Supporters (a few emails, so that some have several pledges) start pledges and go
	 * through their lives, told to the ledger as providers tell it, in time order, over
	 * the last 300 days up to now. Every ten steps the kept summary must equal a rebuilt
	 * one: a later change of a supporter would hide a change the summary missed.
	 */
	private void history(Random random, Instant now, String prefix) {
		Instant at = now.minus(Duration.ofDays(300));
		List<Life> lives = new ArrayList<>();
		int payments = 0;
		int steps = 0;
		while (at.isBefore(now)) {
			String email = prefix + "-" + random.nextInt(12) + "@example.org";
			int action = random.nextInt(20);
			List<Life> running = lives.stream().filter((life) -> !life.ended).toList();
			if (action < 5 || running.isEmpty()) {
				Life life = new Life(prefix + "-sub-" + lives.size(), email, TIERS.get(random.nextInt(TIERS.size())),
						CURRENCIES.get(random.nextInt(3)), 300 + 100 * random.nextInt(20),
						random.nextInt(4) == 0 ? BillingInterval.YEAR : BillingInterval.MONTH, at);
				lives.add(life);
				life.periodEnd = life.next(at);
				pledge(life, State.ACTIVE, at, null, null);
				payment(life, prefix + "-py-" + payments++, PaymentStatus.SUCCEEDED, 0, at);
			}
			else if (action < 7) {
				String once = prefix + "-once-" + lives.size();
				Money amount = Money.of(500 + 100 * random.nextInt(30), CURRENCIES.get(random.nextInt(3)));
				publish(new PledgeReported(Provider.SANDBOX, once, null, email, null, null, amount, null, State.PAID,
						null, false, null, at, at));
				String payment = prefix + "-py-" + payments++;
				publish(new PaymentReported(Provider.SANDBOX, payment, once, amount, PaymentStatus.SUCCEEDED, 0, null,
						at, at));
				if (random.nextInt(4) == 0) {
					boolean full = random.nextBoolean();
					Instant refunded = at.plus(Duration.ofHours(1 + random.nextInt(100)));
					if (refunded.isBefore(now)) {
						publish(new PaymentReported(Provider.SANDBOX, payment, once, amount,
								full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED,
								full ? amount.minor() : amount.minor() / 2, null, at, refunded));
					}
				}
				lives.add(new Life(once, email, null, amount.currency().getCurrencyCode(), amount.minor(), null, at));
				lives.get(lives.size() - 1).ended = true;
			}
			else {
				Life life = running.get(random.nextInt(running.size()));
				if (!at.isBefore(life.periodEnd) && action < 16) {
					if (random.nextInt(3) > 0) {
						// renewed (or recovered) for the next period
						life.periodEnd = life.next(life.periodEnd);
						life.pastDue = false;
						pledge(life, State.ACTIVE, at, null, null);
						payment(life, prefix + "-py-" + payments++, PaymentStatus.SUCCEEDED, 0, at);
					}
					else {
						failed(life, random, at, prefix + "-py-" + payments++);
					}
				}
				else {
					switch (action) {
						case 7, 8, 9, 10, 11, 12, 13, 14, 15 -> {
							if (life.pastDue) {
								// the provider's retry failed too
								failed(life, random, at, prefix + "-py-" + payments++);
							}
						}
						case 16 -> {
							life.cancelAtPeriodEnd = !life.cancelAtPeriodEnd;
							pledge(life, life.pastDue ? State.PAST_DUE : State.ACTIVE, at, life.nextRetry, null);
						}
						case 17 -> {
							life.ended = true;
							pledge(life, State.ENDED, at, null,
									life.pastDue ? EndedReason.PAYMENT_FAILED : EndedReason.CANCELED);
						}
						case 18 -> {
							if (life.lastPayment != null) {
								publish(new PaymentReported(Provider.SANDBOX, life.lastPayment, life.reference,
										life.amount(), PaymentStatus.REFUNDED, life.minor, null, life.lastPaidAt, at));
								life.ended = true;
							}
						}
					}
				}
			}
			if (++steps % 10 == 0) {
				assertThat(keptEqualsRebuilt()).as("kept rows against rebuilt ones at step " + steps).isEmpty();
			}
			at = at.plus(Duration.ofMinutes(30 + random.nextInt(60 * 40)));
		}
	}

	/**
	 * A renewal (or a retry of it) failed; the provider retries later, or says nothing of
	 * when.
	 */
	private void failed(Life life, Random random, Instant at, String payment) {
		life.pastDue = true;
		life.nextRetry = random.nextBoolean() ? at.plus(Duration.ofHours(12 + random.nextInt(24 * 12))) : null;
		pledge(life, State.PAST_DUE, at, life.nextRetry, null);
		payment(life, payment, PaymentStatus.FAILED, 0, at);
	}

	private void pledge(Life life, State state, Instant at, Instant nextRetry, EndedReason reason) {
		publish(new PledgeReported(Provider.SANDBOX, life.reference, null, life.email, null, life.tier, life.amount(),
				life.interval, state, life.periodEnd, life.cancelAtPeriodEnd, reason, life.startedAt, at, nextRetry));
	}

	private void payment(Life life, String reference, PaymentStatus status, long refunded, Instant at) {
		publish(new PaymentReported(Provider.SANDBOX, reference, life.reference, life.amount(), status, refunded, null,
				at, at));
		if (status == PaymentStatus.SUCCEEDED) {
			life.lastPayment = reference;
			life.lastPaidAt = at;
		}
	}

	/** As the inbox does: one report, one transaction. */
	private void publish(Object report) {
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(report));
	}

	/**
	 * The summary rows that differ between what was kept and a rebuild (a key whose
	 * figures went back to nothing may keep its row of zeros).
	 */
	private List<Map<String, Object>> keptEqualsRebuilt() {
		return this.transaction.execute((status) -> {
			this.jdbc.execute("lock table ledger_part, ledger_day in exclusive mode");
			this.jdbc.execute("create temp table kept_day on commit drop as select * from ledger_day");
			this.jdbc.execute("create temp table kept_part on commit drop as select * from ledger_part");
			this.summaries.rebuild();
			String nonZero = """
					(started, ended, one_off_payments, one_off_minor, past_due, current_pledges, current_annual_minor,
					 current_supporters, current_tier_supporters, failed, recovered, recovered_minor,
					 active_after_failure) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)""";
			List<Map<String, Object>> differences = new ArrayList<>(this.jdbc.queryForList("""
					(select 'kept' as side, * from kept_day where %1$s
					 except all select 'kept', * from ledger_day where %1$s)
					union all
					(select 'rebuilt', * from ledger_day where %1$s
					 except all select 'rebuilt', * from kept_day where %1$s)
					""".formatted(nonZero)));
			differences.addAll(this.jdbc.queryForList("""
					(select 'kept part' as side, * from kept_part except all select 'kept part', * from ledger_part)
					union all
					(select 'rebuilt part', * from ledger_part except all select 'rebuilt part', * from kept_part)
					"""));
			return differences;
		});
	}

	private Figures figures(Instant at) {
		YearMonth first = YearMonth.from(at.atOffset(ZoneOffset.UTC)).minusMonths(Reports.MONTHS - 1);
		return this.transaction
			.execute((status) -> new Figures(this.dashboard.activeSupporters(at), this.dashboard.tierMix(at),
					this.dashboard.annualRecurringPerCurrency(at), this.dashboard.newPerMonth(first),
					this.dashboard.churnedPerMonth(first), this.dashboard.oneOffRevenuePerMonth(first),
					this.dashboard.failingNow(), this.dashboard.recoveredSince(at.minus(Duration.ofDays(30))),
					this.dashboard.failedRenewals(YearMonth.from(at.atOffset(ZoneOffset.UTC))),
					this.dashboard.recoveries(YearMonth.from(at.atOffset(ZoneOffset.UTC)))));
	}

	/**
	 * The same figures counted from the pledges, as the dashboard did before its summary.
	 */
	private Figures counted(Instant at) {
		Timestamp now = Timestamp.from(at);
		Timestamp start = Timestamp.from(YearMonth.from(at.atOffset(ZoneOffset.UTC))
			.minusMonths(Reports.MONTHS - 1)
			.atDay(1)
			.atStartOfDay()
			.toInstant(ZoneOffset.UTC));
		String current = this.current.sql("p");
		YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
		Timestamp monthStart = Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		Timestamp monthEnd = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		return new Figures(
				this.jdbc.queryForObject("select count(distinct p.supporter_id) from pledge p where " + current,
						Long.class, now),
				this.jdbc.query("""
						select t.name, count(distinct p.supporter_id) from pledge p left join tier t on t.id = p.tier_id
						where %s group by t.id, t.name, t.position order by t.position nulls last, t.id
						""".formatted(current), (row, n) -> new Dashboard.TierCount(row.getString(1), row.getLong(2)),
						now),
				this.jdbc.query("""
						select p.currency, sum(case p.billing_interval when 'month' then p.amount_minor * 12
						       else p.amount_minor end), count(*)
						from pledge p where %s group by p.currency order by p.currency
						""".formatted(current),
						(row, n) -> new DashboardRepository.AnnualRecurring(row.getString(1).trim(), row.getLong(2),
								row.getLong(3)),
						now),
				months("""
						select date_trunc('month', created_at at time zone 'UTC'), count(distinct supporter_id)
						from pledge where kind = 'recurring' and created_at >= ? group by 1
						""", start), months("""
						select date_trunc('month', ended_at at time zone 'UTC'), count(distinct supporter_id)
						from pledge where kind = 'recurring' and ended_at is not null and ended_at >= ? group by 1
						""", start),
				this.jdbc.query("""
						select date_trunc('month', py.occurred_at at time zone 'UTC'), py.currency,
						       sum(py.amount_minor - py.refunded_minor)
						from pledge pl join payment py on py.pledge_id = pl.id
						where pl.kind = 'one_off' and py.occurred_at >= ?
						  and py.status in ('succeeded', 'partially_refunded', 'refunded', 'disputed')
						group by 1, 2 order by 1, 2
						""",
						(row, n) -> new DashboardRepository.MonthAmount(
								YearMonth.from(row.getTimestamp(1).toLocalDateTime()), row.getString(2).trim(),
								row.getLong(3)),
						start),
				this.jdbc.queryForObject("select count(*) from pledge where kind = 'recurring' and status = 'past_due'",
						Long.class),
				this.jdbc.queryForObject("""
						select count(distinct py.pledge_id) from payment py join pledge pl on pl.id = py.pledge_id
						where py.status = 'failed' and py.occurred_at >= ? and pl.status = 'active'
						""", Long.class, Timestamp.from(at.minus(Duration.ofDays(30)))), this.jdbc.queryForObject("""
						select count(distinct pledge_id) from payment
						where status = 'failed' and occurred_at >= ? and occurred_at < ?
						""", Long.class, monthStart, monthEnd), this.jdbc.query("""
						select paid.currency, count(distinct paid.pledge_id), sum(paid.amount_minor)
						from payment failed
						cross join lateral (
						    select py.pledge_id, py.currency, py.amount_minor, py.status, py.occurred_at from payment py
						    where py.pledge_id = failed.pledge_id and py.occurred_at > failed.occurred_at
						    order by py.occurred_at limit 1) paid
						where failed.status = 'failed' and failed.occurred_at >= ?::timestamptz - interval '62 days'
						  and failed.occurred_at < ? and paid.status <> 'failed'
						  and paid.occurred_at >= ? and paid.occurred_at < ?
						group by paid.currency order by paid.currency
						""", (row, n) -> new DashboardRepository.Recovery(row.getString(1).trim(), row.getLong(2),
						row.getLong(3)), monthStart, monthEnd, monthStart, monthEnd));
	}

	private List<DashboardRepository.MonthCount> months(String sql, Timestamp start) {
		return this.jdbc
			.query(sql,
					(row, n) -> new DashboardRepository.MonthCount(
							YearMonth.from(row.getTimestamp(1).toLocalDateTime()), row.getLong(2)),
					start)
			.stream()
			.sorted((a, b) -> a.month().compareTo(b.month()))
			.toList();
	}

	record Figures(long active, List<Dashboard.TierCount> tiers, List<DashboardRepository.AnnualRecurring> recurring,
			List<DashboardRepository.MonthCount> joined, List<DashboardRepository.MonthCount> churned,
			List<DashboardRepository.MonthAmount> oneOff, long failing, long recovered, long failedRenewals,
			List<DashboardRepository.Recovery> recoveries) {

		Figures {
			joined = joined.stream().sorted((a, b) -> a.month().compareTo(b.month())).toList();
			churned = churned.stream().sorted((a, b) -> a.month().compareTo(b.month())).toList();
		}

	}

	/** One pledge's life as its provider sees it. */
	private static final class Life {

		final String reference;

		final String email;

		final String tier;

		final String currency;

		final long minor;

		final BillingInterval interval;

		final Instant startedAt;

		Instant periodEnd;

		boolean cancelAtPeriodEnd;

		boolean pastDue;

		Instant nextRetry;

		boolean ended;

		String lastPayment;

		Instant lastPaidAt;

		Life(String reference, String email, String tier, String currency, long minor, BillingInterval interval,
				Instant startedAt) {
			this.reference = reference;
			this.email = email;
			this.tier = tier;
			this.currency = currency;
			this.minor = minor;
			this.interval = interval;
			this.startedAt = startedAt;
		}

		Money amount() {
			return Money.of(this.minor, this.currency);
		}

		Instant next(Instant from) {
			return from.atOffset(ZoneOffset.UTC)
				.plus((this.interval == BillingInterval.YEAR) ? Period.ofYears(1) : Period.ofMonths(1))
				.toInstant();
		}

	}

}
