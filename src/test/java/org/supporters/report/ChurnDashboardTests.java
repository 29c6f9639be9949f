package org.supporters.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.StaffMember;
import org.supporters.catalog.Money;
import org.supporters.payment.ProviderEventInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's churn and recovery figures for this month, on a seeded history of
 * failures, recoveries, losses and cancels, checked against counts written here in SQL of
 * their own (window functions rather than the dashboard's sub-queries), and against what
 * the seeded history adds.
 */
class ChurnDashboardTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reports reports;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	Clock clock;

	@Test
	void thisMonthsFailuresRecoveriesLossesAndCancelsMatchAnIndependentCount() {
		this.inbox.applyDue();
		Instant now = this.clock.instant();
		YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
		Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		// moments in this month up to now, in order, and one in the month before
		Duration step = Duration.between(start, now).dividedBy(10);
		Instant t1 = start.plus(step);
		Instant t2 = start.plus(step.multipliedBy(2));
		Instant t3 = start.plus(step.multipliedBy(3));
		Instant lastMonth = start.minus(Duration.ofDays(3));
		Dashboard.Churn before = this.reports.dashboard().churn();
		Recovered recoveredBefore = recovered(Timestamp.from(start), Timestamp.from(end));

		UUID recovered = pledge("EUR", 1000, null, null, null);
		payment(recovered, "EUR", 1000, "succeeded", lastMonth.minus(Duration.ofDays(27)));
		payment(recovered, "EUR", 1000, "failed", t1);
		payment(recovered, "EUR", 1000, "succeeded", t2);
		UUID stillFailing = pledge("EUR", 1000, null, null, null);
		payment(stillFailing, "EUR", 1000, "failed", t2);
		UUID failedLastMonth = pledge("EUR", 1000, null, null, null);
		payment(failedLastMonth, "EUR", 1000, "failed", lastMonth);
		payment(failedLastMonth, "EUR", 1000, "succeeded", t1);
		UUID lost = pledge("EUR", 500, null, null, null);
		payment(lost, "EUR", 500, "failed", t1);
		payment(lost, "EUR", 500, "failed", t2);
		this.jdbc.update(
				"update pledge set status = 'canceled', ended_reason = 'payment_failed', ended_at = ? where id = ?",
				Timestamp.from(t3), lost);
		UUID pounds = pledge("GBP", 800, null, null, null);
		payment(pounds, "GBP", 800, "failed", t1);
		payment(pounds, "GBP", 800, "succeeded", t3);
		pledge("EUR", 1000, "too_expensive", "Rent went up.", t2);
		pledge("EUR", 1000, "too_expensive", null, t3);
		pledge("EUR", 1000, null, null, t1);
		pledge("EUR", 1000, "unhappy", "Old news.", lastMonth);

		Dashboard.Churn churn = this.reports.dashboard().churn();

		Timestamp from = Timestamp.from(start);
		Timestamp until = Timestamp.from(end);
		assertThat(churn.failedRenewals()).isEqualTo(this.jdbc.queryForObject("""
				select count(*) from pledge p
				where exists (select 1 from payment py where py.pledge_id = p.id and py.status = 'failed'
				              and py.occurred_at >= ? and py.occurred_at < ?)""", Long.class, from, until))
			.isEqualTo(before.failedRenewals() + 4);
		Recovered recoveredAfter = recovered(from, until);
		// the new recoveries against the independent count taken before (the dashboard's
		// own figure then may count other tests' histories at another moment)
		assertThat(churn.recovered()).isEqualTo(recoveredAfter.pledges()).isEqualTo(recoveredBefore.pledges() + 3);
		assertThat(churn.recoveredAmounts()).containsExactlyElementsOf(recoveredAfter.minorPerCurrency()
			.entrySet()
			.stream()
			.map((entry) -> Money.of(entry.getValue(), entry.getKey()))
			.toList());
		assertThat(recoveredAfter.minor("EUR")).isEqualTo(recoveredBefore.minor("EUR") + 2000);
		assertThat(recoveredAfter.minor("GBP")).isEqualTo(recoveredBefore.minor("GBP") + 800);
		assertThat(churn.lostToFailedPayments()).isEqualTo(this.jdbc.queryForObject("""
				select count(*) from pledge where ended_reason = 'payment_failed'
				and ended_at >= ? and ended_at < ?""", Long.class, from, until))
			.isEqualTo(before.lostToFailedPayments() + 1);
		Map<String, Long> perReason = new LinkedHashMap<>();
		this.jdbc.queryForList("""
				select coalesce(cancel_reason, '-') as reason, count(*) as n from pledge
				where canceled_at >= ? and canceled_at < ? group by 1""", from, until)
			.forEach((row) -> perReason.put((String) row.get("reason"), ((Number) row.get("n")).longValue()));
		assertThat(count(churn, "It costs too much")).isEqualTo(perReason.get("too_expensive"))
			.isEqualTo(count(before, "It costs too much") + 2);
		assertThat(count(churn, "No reason given")).isEqualTo(perReason.get("-"))
			.isEqualTo(count(before, "No reason given") + 1);
		assertThat(count(churn, "I'm unhappy with the journalism")).isEqualTo(perReason.getOrDefault("unhappy", 0L))
			.as("a cancel of last month is not this month's")
			.isEqualTo(count(before, "I'm unhappy with the journalism"));

		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String page = staff.get("/staff").body();
		assertThat(figure(page, "churn-failed")).isEqualTo(churn.failedRenewals());
		assertThat(figure(page, "churn-recovered")).isEqualTo(churn.recovered());
		assertThat(figure(page, "churn-lost")).isEqualTo(churn.lostToFailedPayments());
		assertThat(figure(page, "churn-canceled")).isEqualTo(churn.canceled());
		assertThat(page).contains("It costs too much", minorText(churn.recoveredAmounts(), "GBP"));
	}

	@Test
	void theReadersOwnWordsShowOnTheSupporterPage() {
		UUID pledge = pledge("EUR", 1000, "other", "Moving abroad & <b>back</b> next year.", this.clock.instant());
		UUID supporter = this.jdbc.queryForObject("select supporter_id from pledge where id = ?", UUID.class, pledge);
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		String page = staff.get("/staff/supporters/" + supporter).body();

		assertThat(page).contains("Why they canceled", "Another reason",
				"Moving abroad &amp; &lt;b&gt;back&lt;/b&gt; next year.");
	}

	/** Pledges whose payment after a failed one fell in the period, counted by hand. */
	private Recovered recovered(Timestamp from, Timestamp until) {
		Map<String, Long> recoveredPerCurrency = new LinkedHashMap<>();
		long pledges = 0;
		for (Map<String, Object> row : this.jdbc.queryForList(
				"""
						select trim(currency) as currency, count(distinct pledge_id) as pledges, sum(amount_minor) as minor from (
						  select pledge_id, currency, amount_minor, status, occurred_at,
						         lag(status) over (partition by pledge_id order by occurred_at) as previous
						  from payment) history
						where status <> 'failed' and previous = 'failed' and occurred_at >= ? and occurred_at < ?
						group by currency order by currency""",
				from, until)) {
			recoveredPerCurrency.put((String) row.get("currency"), ((Number) row.get("minor")).longValue());
			pledges += ((Number) row.get("pledges")).longValue();
		}
		return new Recovered(pledges, recoveredPerCurrency);
	}

	private record Recovered(long pledges, Map<String, Long> minorPerCurrency) {

		long minor(String currency) {
			return this.minorPerCurrency.getOrDefault(currency, 0L);
		}

	}

	/** A recurring pledge of a new supporter, canceled with the reason when given. */
	private UUID pledge(String currency, long minor, String reason, String comment, Instant canceledAt) {
		UUID supporter = this.jdbc.queryForObject("insert into supporter (email) values (?) returning id", UUID.class,
				"churn-" + UUID.randomUUID() + "@example.com");
		return this.jdbc.queryForObject("""
				insert into pledge (supporter_id, kind, amount_minor, currency, billing_interval, status, provider,
				                    provider_ref, current_period_end, cancel_at_period_end, cancel_reason,
				                    cancel_comment, canceled_at, provider_state_at)
				values (?, 'recurring', ?, ?, 'month', 'active', 'sandbox', ?, now() + interval '20 days', ?, ?, ?, ?,
				        now())
				returning id""", UUID.class, supporter, minor, currency, "test_" + UUID.randomUUID(),
				canceledAt != null, reason, comment, (canceledAt != null) ? Timestamp.from(canceledAt) : null);
	}

	private void payment(UUID pledge, String currency, long minor, String status, Instant at) {
		this.jdbc.update("""
				insert into payment (pledge_id, amount_minor, currency, status, provider, provider_ref, occurred_at,
				                     provider_state_at)
				values (?, ?, ?, ?, 'sandbox', ?, ?, ?)""", pledge, minor, currency, status,
				"test_" + UUID.randomUUID(), Timestamp.from(at), Timestamp.from(at));
	}

	private static long minor(List<Money> amounts, String currency) {
		return amounts.stream()
			.filter((amount) -> amount.currency().getCurrencyCode().equals(currency))
			.mapToLong(Money::minor)
			.sum();
	}

	private static String minorText(List<Money> amounts, String currency) {
		return Money.of(minor(amounts, currency), currency).formatted();
	}

	private static long count(Dashboard.Churn churn, String reason) {
		return churn.cancellations()
			.stream()
			.filter((tally) -> tally.reason().equals(reason))
			.mapToLong(Dashboard.ReasonCount::count)
			.sum();
	}

	private static long figure(String page, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\">([0-9,]+)<").matcher(page);
		assertThat(matcher.find()).as("figure " + id).isTrue();
		return Long.parseLong(matcher.group(1).replace(",", ""));
	}

}
