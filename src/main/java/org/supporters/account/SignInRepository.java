package org.supporters.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.SIGN_IN_REQUEST;
import static org.jooq.impl.DSL.lower;

@Repository
class SignInRepository {

	private final DSLContext db;

	SignInRepository(DSLContext db) {
		this.db = db;
	}

	void insert(UUID id, String email, byte[] linkHash, byte[] codeHash, Instant createdAt, Instant expiresAt) {
		this.db.insertInto(SIGN_IN_REQUEST)
			.set(SIGN_IN_REQUEST.ID, id)
			.set(SIGN_IN_REQUEST.EMAIL, email)
			.set(SIGN_IN_REQUEST.LINK_HASH, linkHash)
			.set(SIGN_IN_REQUEST.CODE_HASH, codeHash)
			.set(SIGN_IN_REQUEST.CREATED_AT, createdAt)
			.set(SIGN_IN_REQUEST.EXPIRES_AT, expiresAt)
			.execute();
	}

	void deleteFor(String email) {
		this.db.deleteFrom(SIGN_IN_REQUEST).where(lower(SIGN_IN_REQUEST.EMAIL).eq(lower(email))).execute();
	}

	Optional<StoredRequest> byLink(byte[] linkHash) {
		return this.db.selectFrom(SIGN_IN_REQUEST)
			.where(SIGN_IN_REQUEST.LINK_HASH.eq(linkHash))
			.fetchOptional(SignInRepository::stored);
	}

	/** The email's requests made since then, newest first. */
	List<StoredRequest> recentFor(String email, Instant since) {
		return this.db.selectFrom(SIGN_IN_REQUEST)
			.where(lower(SIGN_IN_REQUEST.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
			.and(SIGN_IN_REQUEST.CREATED_AT.gt(since))
			.orderBy(SIGN_IN_REQUEST.CREATED_AT.desc())
			.limit(50)
			.fetch(SignInRepository::stored);
	}

	/** Uses the request up, unless it was used, expired or locked meanwhile. */
	boolean use(UUID id, Instant now) {
		return this.db.update(SIGN_IN_REQUEST)
			.set(SIGN_IN_REQUEST.USED_AT, now)
			.where(SIGN_IN_REQUEST.ID.eq(id))
			.and(SIGN_IN_REQUEST.USED_AT.isNull())
			.and(SIGN_IN_REQUEST.EXPIRES_AT.gt(now))
			.and(SIGN_IN_REQUEST.FAILED_CODES.lt(SignIns.WRONG_CODES_ALLOWED))
			.execute() == 1;
	}

	/** Counts a wrong code against every live request of the email. */
	void countWrongCode(String email, Instant now) {
		this.db.update(SIGN_IN_REQUEST)
			.set(SIGN_IN_REQUEST.FAILED_CODES, SIGN_IN_REQUEST.FAILED_CODES.plus(1))
			.where(lower(SIGN_IN_REQUEST.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
			.and(SIGN_IN_REQUEST.USED_AT.isNull())
			.and(SIGN_IN_REQUEST.EXPIRES_AT.gt(now))
			.and(SIGN_IN_REQUEST.FAILED_CODES.lt(SignIns.WRONG_CODES_ALLOWED))
			.execute();
	}

	private static StoredRequest stored(org.jooq.generated.tables.records.SignInRequestRecord row) {
		return new StoredRequest(row.getId(), row.getEmail(), row.getCodeHash(), row.getExpiresAt(),
				row.getUsedAt() != null, row.getFailedCodes());
	}

	record StoredRequest(UUID id, String email, byte[] codeHash, Instant expiresAt, boolean used, int failedCodes) {
	}

}
