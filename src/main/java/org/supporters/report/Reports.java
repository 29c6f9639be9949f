package org.supporters.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.Money;

/** Builds the dashboard from the repository's aggregates. */
@Service
class Reports {

	static final int MONTHS = 12;

	private static final Duration RECOVERY_WINDOW = Duration.ofDays(30);

	private final DashboardRepository dashboard;

	private final Clock clock;

	Reports(DashboardRepository dashboard, Clock clock) {
		this.dashboard = dashboard;
		this.clock = clock;
	}

	/** One consistent snapshot: every figure from the same transaction. */
	@Transactional(readOnly = true)
	Dashboard dashboard() {
		Instant now = this.clock.instant();
		YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
		YearMonth first = current.minusMonths(MONTHS - 1);
		List<Dashboard.Recurring> recurring = this.dashboard.annualRecurringPerCurrency(now)
			.stream()
			.map((annual) -> new Dashboard.Recurring(Money.of(monthly(annual.annualMinor()), annual.currency()),
					Money.of(annual.annualMinor(), annual.currency()), annual.pledges()))
			.toList();
		Map<YearMonth, Long> joined = byMonth(this.dashboard.newPerMonth(first));
		Map<YearMonth, Long> churned = byMonth(this.dashboard.churnedPerMonth(first));
		Map<YearMonth, List<Money>> oneOff = this.dashboard.oneOffRevenuePerMonth(first)
			.stream()
			.collect(Collectors.groupingBy(DashboardRepository.MonthAmount::month,
					Collectors.mapping((amount) -> Money.of(amount.minor(), amount.currency()), Collectors.toList())));
		List<Dashboard.Month> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
			months.add(new Dashboard.Month(month.toString(), joined.getOrDefault(month, 0L),
					churned.getOrDefault(month, 0L), oneOff.getOrDefault(month, List.of())));
		}
		return new Dashboard(this.dashboard.activeSupporters(now), this.dashboard.tierMix(now), recurring, months,
				this.dashboard.failingNow(), this.dashboard.recoveredSince(now.minus(RECOVERY_WINDOW)), churn(current));
	}

	private Dashboard.Churn churn(YearMonth month) {
		List<DashboardRepository.Recovery> recoveries = this.dashboard.recoveries(month);
		return new Dashboard.Churn(month.toString(), this.dashboard.failedRenewals(month),
				recoveries.stream().mapToLong(DashboardRepository.Recovery::pledges).sum(),
				recoveries.stream().map((recovery) -> Money.of(recovery.minor(), recovery.currency())).toList(),
				this.dashboard.lostToFailedPayments(month),
				this.dashboard.cancellations(month)
					.stream()
					.map((tally) -> new Dashboard.ReasonCount(
							(tally.reason() != null) ? tally.reason().label() : "No reason given", tally.count()))
					.toList());
	}

	/** A twelfth of an annual amount, rounded half up to a whole minor unit. */
	static long monthly(long annualMinor) {
		return (annualMinor + 6) / 12;
	}

	private static Map<YearMonth, Long> byMonth(List<DashboardRepository.MonthCount> counts) {
		return counts.stream()
			.collect(Collectors.toMap(DashboardRepository.MonthCount::month, DashboardRepository.MonthCount::count,
					Long::sum));
	}

}
