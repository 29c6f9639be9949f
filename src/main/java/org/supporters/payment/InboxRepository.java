package org.supporters.payment;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.PROVIDER_EVENT;

@Repository
class InboxRepository {

	private final DSLContext db;

	InboxRepository(DSLContext db) {
		this.db = db;
	}

	/** Stores the event unless it is already there; true when it is new. */
	boolean insert(String provider, String eventId, String type, String payload, Instant receivedAt) {
		return this.db.insertInto(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.PROVIDER, provider)
			.set(PROVIDER_EVENT.EVENT_ID, eventId)
			.set(PROVIDER_EVENT.TYPE, type)
			.set(PROVIDER_EVENT.PAYLOAD, JSONB.jsonb(payload))
			.set(PROVIDER_EVENT.RECEIVED_AT, receivedAt)
			.set(PROVIDER_EVENT.NEXT_ATTEMPT_AT, receivedAt)
			.onConflict(PROVIDER_EVENT.PROVIDER, PROVIDER_EVENT.EVENT_ID)
			.doNothing()
			.execute() == 1;
	}

	/** Locks the next event due, skipping those another worker holds. */
	Optional<ReceivedEvent> claimNextDue(Instant now) {
		return this.db.selectFrom(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.and(PROVIDER_EVENT.NEXT_ATTEMPT_AT.le(now))
			.orderBy(PROVIDER_EVENT.NEXT_ATTEMPT_AT, PROVIDER_EVENT.ID)
			.limit(1)
			.forUpdate()
			.skipLocked()
			.fetchOptional()
			.map(InboxRepository::event);
	}

	/**
	 * Locks one named event if it still waits to be applied. When another worker holds
	 * it, waits for that worker, and finds nothing if it applied the event.
	 */
	Optional<ReceivedEvent> claim(String provider, String eventId) {
		return this.db.selectFrom(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.PROVIDER.eq(provider))
			.and(PROVIDER_EVENT.EVENT_ID.eq(eventId))
			.and(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.forUpdate()
			.fetchOptional()
			.map(InboxRepository::event);
	}

	/** Locks one event by id if it still waits to be applied and no worker holds it. */
	Optional<ReceivedEvent> claimWaiting(long id) {
		return this.db.selectFrom(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.ID.eq(id))
			.and(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.forUpdate()
			.skipLocked()
			.fetchOptional()
			.map(InboxRepository::event);
	}

	void markProcessed(long id, Instant at) {
		this.db.update(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.PROCESSED_AT, at)
			.set(PROVIDER_EVENT.ATTEMPTS, PROVIDER_EVENT.ATTEMPTS.plus(1))
			.set(PROVIDER_EVENT.LAST_ERROR, (String) null)
			.where(PROVIDER_EVENT.ID.eq(id))
			.execute();
	}

	void markFailed(long id, int attempts, Instant nextAttemptAt, String error) {
		this.db.update(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.ATTEMPTS, attempts)
			.set(PROVIDER_EVENT.NEXT_ATTEMPT_AT, nextAttemptAt)
			.set(PROVIDER_EVENT.LAST_ERROR, error)
			.where(PROVIDER_EVENT.ID.eq(id))
			.and(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.execute();
	}

	private static ReceivedEvent event(Record row) {
		return new ReceivedEvent(row.get(PROVIDER_EVENT.ID), row.get(PROVIDER_EVENT.PROVIDER),
				row.get(PROVIDER_EVENT.EVENT_ID), row.get(PROVIDER_EVENT.TYPE), row.get(PROVIDER_EVENT.PAYLOAD).data(),
				row.get(PROVIDER_EVENT.ATTEMPTS));
	}

}
