package org.supporters.supporter;

import java.time.Duration;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jooq.generated.Tables.LEDGER_DAY;
import static org.jooq.generated.Tables.LEDGER_PART;
import static org.jooq.generated.Tables.LEDGER_SUMMARY_RULE;

/**
 * The ledger's summary for the staff dashboard: tables {@code ledger_day} (figures per
 * day, tier, currency and interval) and {@code ledger_part} (what each supporter adds to
 * them). Triggers of the schema keep both in the transaction of every change to a pledge
 * or a payment, whoever makes it; this class sets the rule they count past-due pledges by
 * and rebuilds them from pledges and payments.
 */
@Service
public class LedgerSummaries {

	private final DSLContext db;

	LedgerSummaries(DSLContext db) {
		this.db = db;
	}

	/**
	 * Counts a past-due pledge as current for {@code grace} after its period end, or
	 * until {@code retryMargin} after the provider's next retry when that is later:
	 * membership's rule. Rebuilds the summary when the rule changed; one instance does it
	 * when several start at once (the row's lock makes the others wait, and they find it
	 * changed).
	 * @return whether the summary was rebuilt
	 */
	@Transactional
	public boolean countPastDueBy(Duration grace, Duration retryMargin) {
		int changed = this.db.update(LEDGER_SUMMARY_RULE)
			.set(LEDGER_SUMMARY_RULE.GRACE_SECONDS, grace.toSeconds())
			.set(LEDGER_SUMMARY_RULE.RETRY_MARGIN_SECONDS, retryMargin.toSeconds())
			.where(LEDGER_SUMMARY_RULE.GRACE_SECONDS.ne(grace.toSeconds())
				.or(LEDGER_SUMMARY_RULE.RETRY_MARGIN_SECONDS.ne(retryMargin.toSeconds())))
			.execute();
		if (changed == 0) {
			return false;
		}
		rebuild();
		return true;
	}

	/**
	 * Recomputes the summary from pledges and payments, while changes wait. The result is
	 * what the triggers would have kept: a check and a repair after a change made with
	 * the triggers off (a bulk load).
	 */
	@Transactional
	public Rebuilt rebuild() {
		this.db.execute("select ledger_summary_rebuild()");
		return new Rebuilt(this.db.fetchCount(LEDGER_PART), this.db.fetchCount(LEDGER_DAY));
	}

	/** What a rebuild wrote: parts (of all supporters) and summary rows. */
	public record Rebuilt(int parts, int days) {
	}

}
