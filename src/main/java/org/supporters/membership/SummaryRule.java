package org.supporters.membership;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.supporters.supporter.LedgerSummaries;

/**
 * Hands membership's rule of a current supporter to the ledger's summary for the
 * dashboard, before the service answers (and before a command line's work): a change of
 * the grace days rebuilds the summary.
 */
@Component
class SummaryRule {

	private final CurrentSupporters current;

	private final LedgerSummaries summaries;

	SummaryRule(CurrentSupporters current, LedgerSummaries summaries) {
		this.current = current;
		this.summaries = summaries;
	}

	@EventListener(ApplicationStartedEvent.class)
	void hand() {
		this.summaries.countPastDueBy(this.current.grace(), CurrentSupporters.RETRY_OUTCOME_MARGIN);
	}

}
