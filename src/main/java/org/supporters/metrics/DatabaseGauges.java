package org.supporters.metrics;

import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.metrics.MetricsRepository.Figures;
import org.supporters.metrics.MetricsRepository.PaymentTotal;
import org.supporters.platform.ScheduledJob;

/**
 * Gauges of what waits in the database: the inbox, the mail outbox, payments per
 * currency. Read by a job on every instance rather than at each scrape, so a scrape costs
 * no query and a slow database does not make it time out. Every instance reports the same
 * figures: take their max, not their sum.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseGauges implements MeterBinder {

	private final MetricsRepository repository;

	private volatile Figures figures = Figures.NONE;

	private MultiGauge paymentCounts;

	private MultiGauge paymentAmounts;

	private MultiGauge paymentRefunded;

	DatabaseGauges(MetricsRepository repository) {
		this.repository = repository;
	}

	@Bean
	ScheduledJob metricsRefreshJob(MetricsProperties properties) {
		return ScheduledJob.unlocked("metrics-refresh", properties.refreshInterval(), this::refresh);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "supporters.inbox.waiting", "Provider events not applied yet", Figures::inboxWaiting);
		gauge(registry, "supporters.inbox.failing", "Provider events whose apply failed and is retried",
				Figures::inboxFailing);
		gauge(registry, "supporters.inbox.retried", "Provider events applied after more than one attempt",
				Figures::inboxRetried);
		Gauge.builder("supporters.inbox.oldest.unapplied.age", this, (self) -> self.figures.oldestUnappliedSeconds())
			.description("Age of the oldest provider event not applied yet; 0 when none")
			.baseUnit("seconds")
			.register(registry);
		gauge(registry, "supporters.mail.waiting", "Mails not handed to SMTP yet", Figures::mailWaiting);
		gauge(registry, "supporters.mail.failing", "Mails SMTP refused, waiting for their retry", Figures::mailFailing);
		this.paymentCounts = MultiGauge.builder("supporters.payments")
			.description("Payments recorded, by currency and status")
			.register(registry);
		this.paymentAmounts = MultiGauge.builder("supporters.payments.amount")
			.description("Money of the payments recorded, in minor units, by currency and status")
			.baseUnit("minor")
			.register(registry);
		this.paymentRefunded = MultiGauge.builder("supporters.payments.refunded")
			.description("Money refunded of the payments recorded, in minor units, by currency")
			.baseUnit("minor")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<Figures> value) {
		Gauge.builder(name, this, (self) -> value.applyAsLong(self.figures))
			.description(description)
			.register(registry);
	}

	/** Reads the figures now. */
	void refresh() {
		Figures now = this.repository.figures(Instant.now());
		this.figures = now;
		if (this.paymentCounts != null) {
			this.paymentCounts.register(rows(now.payments(), PaymentTotal::count), true);
			this.paymentAmounts.register(rows(now.payments(), PaymentTotal::amountMinor), true);
			this.paymentRefunded.register(rows(now.payments(), PaymentTotal::refundedMinor), true);
		}
	}

	private static List<MultiGauge.Row<?>> rows(List<PaymentTotal> totals, ToLongFunction<PaymentTotal> value) {
		return totals.stream().<MultiGauge
				.Row<?>>map(
						(total) -> MultiGauge.Row.of(
								Tags.of("currency", total.currency(), "status", total.status().code()),
								value.applyAsLong(total)))
			.toList();
	}

}
