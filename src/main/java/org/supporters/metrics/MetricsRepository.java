package org.supporters.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import org.supporters.supporter.PaymentStatus;

import static org.jooq.generated.Tables.MAIL_OUTBOX;
import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PROVIDER_EVENT;

/**
 * The read model behind the gauges: the provider event inbox, the mail outbox and the
 * ledger's payments, read only, with a few cheap queries per refresh.
 */
@Repository
class MetricsRepository {

	private final DSLContext db;

	MetricsRepository(DSLContext db) {
		this.db = db;
	}

	Figures figures(Instant now) {
		var inbox = this.db
			.select(DSL.count(), DSL.count().filterWhere(PROVIDER_EVENT.ATTEMPTS.gt(0)),
					DSL.min(PROVIDER_EVENT.RECEIVED_AT))
			.from(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.fetchOne();
		long retried = this.db.fetchCount(PROVIDER_EVENT,
				PROVIDER_EVENT.PROCESSED_AT.isNotNull().and(PROVIDER_EVENT.ATTEMPTS.gt(1)));
		var mail = this.db.select(DSL.count(), DSL.count().filterWhere(MAIL_OUTBOX.ATTEMPTS.gt(0)))
			.from(MAIL_OUTBOX)
			.where(MAIL_OUTBOX.SENT_AT.isNull())
			.fetchOne();
		List<PaymentTotal> payments = this.db
			.select(PAYMENT.CURRENCY, PAYMENT.STATUS, DSL.count(), DSL.sum(PAYMENT.AMOUNT_MINOR),
					DSL.sum(PAYMENT.REFUNDED_MINOR))
			.from(PAYMENT)
			.groupBy(PAYMENT.CURRENCY, PAYMENT.STATUS)
			.fetch((row) -> new PaymentTotal(row.value1(), row.value2(), row.value3(),
					row.value4() == null ? 0 : row.value4().longValue(),
					row.value5() == null ? 0 : row.value5().longValue()));
		Instant oldest = inbox.value3();
		return new Figures(inbox.value1(), inbox.value2(), retried,
				(oldest == null) ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()), mail.value1(),
				mail.value2(), payments);
	}

	/**
	 * @param inboxWaiting provider events not applied yet
	 * @param inboxFailing of those, the ones whose apply failed at least once
	 * @param inboxRetried events applied after more than one attempt
	 * @param oldestUnappliedSeconds age of the oldest event not applied yet; 0 when none
	 * @param mailWaiting mails not handed to SMTP yet
	 * @param mailFailing of those, the ones SMTP refused at least once
	 * @param payments count and amounts per currency and status
	 */
	record Figures(long inboxWaiting, long inboxFailing, long inboxRetried, long oldestUnappliedSeconds,
			long mailWaiting, long mailFailing, List<PaymentTotal> payments) {

		static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, List.of());

	}

	record PaymentTotal(String currency, PaymentStatus status, long count, long amountMinor, long refundedMinor) {
	}

}
