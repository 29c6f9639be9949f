package org.supporters.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.LIFECYCLE_MAIL;
import static org.jooq.generated.Tables.READER_LOCALE;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;

/** The lifecycle mails written, and the readers' languages. */
@Repository
class LifecycleRepository {

	private final DSLContext db;

	LifecycleRepository(DSLContext db) {
		this.db = db;
	}

	/**
	 * Claims the mail's key for this transaction; empty when a mail of that key was
	 * already written (or is being written by a transaction that has not committed yet,
	 * which then waits for it).
	 */
	Optional<Long> claim(String key, MailKind kind, UUID supporterId, UUID pledgeId, Instant occurredAt, Instant now) {
		return this.db.insertInto(LIFECYCLE_MAIL)
			.set(LIFECYCLE_MAIL.MAIL_KEY, key)
			.set(LIFECYCLE_MAIL.KIND, kind)
			.set(LIFECYCLE_MAIL.SUPPORTER_ID, supporterId)
			.set(LIFECYCLE_MAIL.PLEDGE_ID, pledgeId)
			.set(LIFECYCLE_MAIL.OCCURRED_AT, occurredAt)
			.set(LIFECYCLE_MAIL.CREATED_AT, now)
			.onConflict(LIFECYCLE_MAIL.MAIL_KEY)
			.doNothing()
			.returning(LIFECYCLE_MAIL.ID)
			.fetchOptional()
			.map((row) -> row.getId());
	}

	void recordOutbox(long id, long outboxId) {
		this.db.update(LIFECYCLE_MAIL)
			.set(LIFECYCLE_MAIL.OUTBOX_ID, outboxId)
			.where(LIFECYCLE_MAIL.ID.eq(id))
			.execute();
	}

	/** When the latest mail of this kind for the pledge told of what happened. */
	Optional<Instant> latestOccurrence(UUID pledgeId, MailKind kind) {
		return Optional.ofNullable(this.db.select(max(LIFECYCLE_MAIL.OCCURRED_AT))
			.from(LIFECYCLE_MAIL)
			.where(LIFECYCLE_MAIL.PLEDGE_ID.eq(pledgeId))
			.and(LIFECYCLE_MAIL.KIND.eq(kind))
			.fetchSingle()
			.value1());
	}

	/** The supporter's mails, oldest first, with their outbox ids. */
	List<Written> written(UUID supporterId) {
		return this.db.select(LIFECYCLE_MAIL.KIND, LIFECYCLE_MAIL.CREATED_AT, LIFECYCLE_MAIL.OUTBOX_ID)
			.from(LIFECYCLE_MAIL)
			.where(LIFECYCLE_MAIL.SUPPORTER_ID.eq(supporterId))
			.orderBy(LIFECYCLE_MAIL.CREATED_AT, LIFECYCLE_MAIL.ID)
			.fetch((row) -> new Written(row.value1(), row.value2(), row.value3()));
	}

	void rememberLocale(String email, String languageTag, Instant now) {
		this.db.insertInto(READER_LOCALE)
			.set(READER_LOCALE.EMAIL, email)
			.set(READER_LOCALE.LOCALE, languageTag)
			.set(READER_LOCALE.UPDATED_AT, now)
			.onConflict(lower(READER_LOCALE.EMAIL))
			.doUpdate()
			.set(READER_LOCALE.LOCALE, languageTag)
			.set(READER_LOCALE.UPDATED_AT, now)
			.execute();
	}

	Optional<String> locale(String email) {
		return this.db.select(READER_LOCALE.LOCALE)
			.from(READER_LOCALE)
			.where(lower(READER_LOCALE.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
			.fetchOptional(READER_LOCALE.LOCALE);
	}

	void forgetLocale(String email) {
		this.db.deleteFrom(READER_LOCALE)
			.where(lower(READER_LOCALE.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
			.execute();
	}

	/** A lifecycle mail as written; {@code outboxId} is {@code null} once erased. */
	record Written(MailKind kind, Instant createdAt, Long outboxId) {
	}

}
