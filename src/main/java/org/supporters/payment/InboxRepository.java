package org.supporters.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.generated.tables.ProviderEvent;
import org.jooq.impl.DSL;
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

	/**
	 * Claims up to {@code limit} due events, oldest first, for the caller until
	 * {@code until}: no other worker takes them, nor any other event of their subject,
	 * while the claim lasts. Claims are taken one at a time across every instance (a
	 * transaction-scoped advisory lock, held for this short statement's transaction), so
	 * two workers never claim one subject's events between them.
	 * @return the claimed events in the order received
	 */
	List<ReceivedEvent> claimDue(Instant now, Instant until, int limit) {
		this.db.execute("select pg_advisory_xact_lock(hashtextextended('supporters.inbox.claim', 0))");
		ProviderEvent candidate = PROVIDER_EVENT.as("candidate");
		ProviderEvent held = PROVIDER_EVENT.as("held");
		Table<Record1<Long>> due = DSL.select(candidate.ID)
			.from(candidate)
			.where(candidate.PROCESSED_AT.isNull())
			.and(candidate.NEXT_ATTEMPT_AT.le(now))
			.and(candidate.CLAIMED_UNTIL.isNull().or(candidate.CLAIMED_UNTIL.le(now)))
			.andNotExists(DSL.selectOne()
				.from(held)
				.where(held.PROVIDER.eq(candidate.PROVIDER))
				.and(held.SUBJECT.eq(candidate.SUBJECT))
				.and(held.PROCESSED_AT.isNull())
				.and(held.CLAIMED_UNTIL.gt(now)))
			.orderBy(candidate.NEXT_ATTEMPT_AT, candidate.ID)
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.asTable("due");
		return this.db.update(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.CLAIMED_UNTIL, until)
			.from(due)
			.where(PROVIDER_EVENT.ID.eq(due.field(candidate.ID)))
			.returning()
			.fetch()
			.stream()
			.map(InboxRepository::event)
			.sorted(Comparator.comparingLong(ReceivedEvent::id))
			.toList();
	}

	/**
	 * Locks the claimed events that still wait to be applied, for the transaction that
	 * applies them; one another worker applied meanwhile (after a claim ran out) is left
	 * out.
	 */
	Set<Long> lockUnapplied(Collection<Long> ids) {
		return new HashSet<>(this.db.select(PROVIDER_EVENT.ID)
			.from(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.ID.in(ids))
			.and(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.orderBy(PROVIDER_EVENT.ID)
			.forUpdate()
			.fetch(PROVIDER_EVENT.ID));
	}

	/** True while a worker holds a claim on an event that was due at {@code dueAt}. */
	boolean othersHoldDue(Instant dueAt, Instant now) {
		return this.db.fetchExists(PROVIDER_EVENT,
				PROVIDER_EVENT.PROCESSED_AT.isNull()
					.and(PROVIDER_EVENT.NEXT_ATTEMPT_AT.le(dueAt))
					.and(PROVIDER_EVENT.CLAIMED_UNTIL.gt(now)));
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
	Optional<ReceivedEvent> claimWaiting(long id, Instant now) {
		return this.db.selectFrom(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.ID.eq(id))
			.and(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.and(PROVIDER_EVENT.CLAIMED_UNTIL.isNull().or(PROVIDER_EVENT.CLAIMED_UNTIL.le(now)))
			.forUpdate()
			.skipLocked()
			.fetchOptional()
			.map(InboxRepository::event);
	}

	void markProcessed(Collection<Long> ids, Instant at) {
		this.db.update(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.PROCESSED_AT, at)
			.set(PROVIDER_EVENT.ATTEMPTS, PROVIDER_EVENT.ATTEMPTS.plus(1))
			.set(PROVIDER_EVENT.LAST_ERROR, (String) null)
			.set(PROVIDER_EVENT.CLAIMED_UNTIL, (Instant) null)
			.where(PROVIDER_EVENT.ID.in(ids))
			.execute();
	}

	void markFailed(long id, int attempts, Instant nextAttemptAt, String error) {
		this.db.update(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.ATTEMPTS, attempts)
			.set(PROVIDER_EVENT.NEXT_ATTEMPT_AT, nextAttemptAt)
			.set(PROVIDER_EVENT.LAST_ERROR, error)
			.set(PROVIDER_EVENT.CLAIMED_UNTIL, (Instant) null)
			.where(PROVIDER_EVENT.ID.eq(id))
			.and(PROVIDER_EVENT.PROCESSED_AT.isNull())
			.execute();
	}

	private static ReceivedEvent event(Record row) {
		return new ReceivedEvent(row.get(PROVIDER_EVENT.ID), row.get(PROVIDER_EVENT.PROVIDER),
				row.get(PROVIDER_EVENT.EVENT_ID), row.get(PROVIDER_EVENT.TYPE), row.get(PROVIDER_EVENT.PAYLOAD).data(),
				row.get(PROVIDER_EVENT.ATTEMPTS), row.get(PROVIDER_EVENT.SUBJECT));
	}

}
