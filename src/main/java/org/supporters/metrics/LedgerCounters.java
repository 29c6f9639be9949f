package org.supporters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.supporters.supporter.PaymentRefunded;
import org.supporters.supporter.PledgeCanceled;
import org.supporters.supporter.PledgeEnded;
import org.supporters.supporter.PledgeRecovered;
import org.supporters.supporter.PledgeRenewed;
import org.supporters.supporter.PledgeStarted;
import org.supporters.supporter.RenewalFailed;

/**
 * Counts what the ledger records, once its transaction committed: an inbox event that
 * fails and is applied again later is counted once, when it holds. Counters are this
 * instance's own; Prometheus sums them over instances.
 */
@Component
class LedgerCounters {

	private final MeterRegistry registry;

	LedgerCounters(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PledgeStarted started) {
		Counter.builder("supporters.pledges.started")
			.description("Pledges recorded for the first time")
			.tag("provider", started.provider().code())
			.tag("kind", started.kind().code())
			.register(this.registry)
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PledgeEnded ended) {
		Counter.builder("supporters.pledges.ended")
			.description("Pledges that ended, by reason")
			.tag("provider", ended.provider().code())
			.tag("kind", ended.kind().code())
			.tag("reason", ended.reason().code())
			.register(this.registry)
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PledgeCanceled canceled) {
		renewal("canceled");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PledgeRenewed renewed) {
		renewal("renewed");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RenewalFailed failed) {
		renewal("failed");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PledgeRecovered recovered) {
		renewal("recovered");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PaymentRefunded refunded) {
		String currency = refunded.refunded().currency().getCurrencyCode();
		Counter.builder("supporters.refunds")
			.description("Refunds recorded")
			.tag("currency", currency)
			.tag("full", String.valueOf(refunded.full()))
			.register(this.registry)
			.increment();
		Counter.builder("supporters.refunds.amount")
			.description("Money refunded, in minor units of the currency")
			.baseUnit("minor")
			.tag("currency", currency)
			.register(this.registry)
			.increment(refunded.refunded().minor());
	}

	private void renewal(String outcome) {
		Counter.builder("supporters.recurring.changes")
			.description("Recurring pledges renewed, failed to renew, recovered or canceled")
			.tag("change", outcome)
			.register(this.registry)
			.increment();
	}

}
