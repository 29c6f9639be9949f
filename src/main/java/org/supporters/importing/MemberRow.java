package org.supporters.importing;

import java.time.Instant;
import java.util.List;

import org.supporters.catalog.BillingInterval;

/**
 * One member as the file says, checked: amounts in minor units of the currency, dates as
 * instants (a date alone is its whole day in UTC: paid through 5 March means until 6
 * March 00:00 UTC).
 *
 * @param skip why the row is skipped (a former patron, no email …), or {@code null}
 * @param paidThroughColumn the column the paid-through date came from, for the dry run
 * @param problems what is wrong with it, each naming its line and column
 */
record MemberRow(int line, String email, String name, String externalTier, Long amountMinor, String currency,
		BillingInterval interval, Instant since, Long lifetimeMinor, Instant paidThrough, String paidThroughColumn,
		String note, String skip, List<Problem> problems) {

	boolean blocked() {
		return this.problems.stream().anyMatch(Problem::blocking);
	}

}
