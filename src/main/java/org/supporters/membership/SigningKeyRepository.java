package org.supporters.membership;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.MEMBERSHIP_SIGNING_KEY;

@Repository
class SigningKeyRepository {

	private final DSLContext db;

	SigningKeyRepository(DSLContext db) {
		this.db = db;
	}

	/**
	 * Keys still in use, the signing one first: it and those superseded after
	 * {@code supersededAfter}.
	 */
	List<StoredKey> published(Instant supersededAfter) {
		return this.db
			.select(MEMBERSHIP_SIGNING_KEY.KID, MEMBERSHIP_SIGNING_KEY.JWK, MEMBERSHIP_SIGNING_KEY.SUPERSEDED_AT)
			.from(MEMBERSHIP_SIGNING_KEY)
			.where(MEMBERSHIP_SIGNING_KEY.SUPERSEDED_AT.isNull()
				.or(MEMBERSHIP_SIGNING_KEY.SUPERSEDED_AT.gt(supersededAfter)))
			.orderBy(MEMBERSHIP_SIGNING_KEY.SUPERSEDED_AT.desc().nullsFirst())
			.fetch((row) -> new StoredKey(row.value1(), row.value2(), row.value3() == null));
	}

	/** Adds a signing key unless one exists (another instance may have just made it). */
	void insertIfNoneSigns(String kid, String jwk, Instant at) {
		this.db.insertInto(MEMBERSHIP_SIGNING_KEY)
			.set(MEMBERSHIP_SIGNING_KEY.KID, kid)
			.set(MEMBERSHIP_SIGNING_KEY.JWK, jwk)
			.set(MEMBERSHIP_SIGNING_KEY.CREATED_AT, at)
			.onConflictDoNothing()
			.execute();
	}

	void supersedeSigningKey(Instant at) {
		this.db.update(MEMBERSHIP_SIGNING_KEY)
			.set(MEMBERSHIP_SIGNING_KEY.SUPERSEDED_AT, at)
			.where(MEMBERSHIP_SIGNING_KEY.SUPERSEDED_AT.isNull())
			.execute();
	}

	record StoredKey(String kid, String jwk, boolean signing) {
	}

}
