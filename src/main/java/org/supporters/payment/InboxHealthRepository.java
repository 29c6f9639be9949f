package org.supporters.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.PROVIDER_EVENT;

/**
 * Reads the provider event inbox for the health page; changes go through the inbox
 * itself.
 */
@Repository
class InboxHealthRepository {

	private final DSLContext db;

	InboxHealthRepository(DSLContext db) {
		this.db = db;
	}

	InboxHealth health(int failedShown) {
		long waiting = this.db.fetchCount(PROVIDER_EVENT,
				PROVIDER_EVENT.PROCESSED_AT.isNull().and(PROVIDER_EVENT.ATTEMPTS.eq(0)));
		long failing = this.db.fetchCount(PROVIDER_EVENT,
				PROVIDER_EVENT.PROCESSED_AT.isNull().and(PROVIDER_EVENT.ATTEMPTS.gt(0)));
		long retried = this.db.fetchCount(PROVIDER_EVENT,
				PROVIDER_EVENT.PROCESSED_AT.isNotNull().and(PROVIDER_EVENT.ATTEMPTS.gt(1)));
		List<InboxHealth.Event> unapplied = this.db.selectFrom(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.orderBy(PROVIDER_EVENT.ATTEMPTS.desc(), PROVIDER_EVENT.RECEIVED_AT)
			.limit(failedShown)
			.fetch((row) -> new InboxHealth.Event(row.getId(), row.getProvider(), row.getEventId(), row.getType(),
					row.getReceivedAt(), row.getAttempts(), row.getNextAttemptAt(), row.getLastError()));
		return new InboxHealth(waiting, failing, retried, unapplied);
	}

	/** When the oldest event that no worker has tried yet arrived. */
	Optional<Instant> oldestNeverAttempted() {
		return Optional.ofNullable(this.db.select(DSL.min(PROVIDER_EVENT.RECEIVED_AT))
			.from(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.and(PROVIDER_EVENT.ATTEMPTS.eq(0))
			.fetchOne(0, Instant.class));
	}

	record InboxHealth(long waiting, long failing, long retried, List<Event> unapplied) {

		record Event(long id, String provider, String eventId, String type, Instant receivedAt, int attempts,
				Instant nextAttemptAt, String lastError) {
		}

	}

}
