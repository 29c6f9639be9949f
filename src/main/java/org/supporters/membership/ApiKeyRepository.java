package org.supporters.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.API_KEY;

@Repository
class ApiKeyRepository {

	private final DSLContext db;

	ApiKeyRepository(DSLContext db) {
		this.db = db;
	}

	UUID insert(String name, byte[] keyHash, Long createdBy, Instant at) {
		return this.db.insertInto(API_KEY)
			.set(API_KEY.NAME, name)
			.set(API_KEY.KEY_HASH, keyHash)
			.set(API_KEY.CREATED_BY, createdBy)
			.set(API_KEY.CREATED_AT, at)
			.returning(API_KEY.ID)
			.fetchSingle()
			.getId();
	}

	/** The key with this hash, unless there is none or it was revoked. */
	Optional<LiveKey> findLive(byte[] keyHash) {
		return this.db.select(API_KEY.ID, API_KEY.LAST_USED_AT)
			.from(API_KEY)
			.where(API_KEY.KEY_HASH.eq(keyHash))
			.and(API_KEY.REVOKED_AT.isNull())
			.fetchOptional((row) -> new LiveKey(row.value1(), row.value2()));
	}

	void markUsed(UUID id, Instant at) {
		this.db.update(API_KEY).set(API_KEY.LAST_USED_AT, at).where(API_KEY.ID.eq(id)).execute();
	}

	boolean revoke(UUID id, Instant at) {
		return this.db.update(API_KEY)
			.set(API_KEY.REVOKED_AT, at)
			.where(API_KEY.ID.eq(id))
			.and(API_KEY.REVOKED_AT.isNull())
			.execute() == 1;
	}

	List<ApiKeys.ApiKey> all() {
		return this.db.select(API_KEY.ID, API_KEY.NAME, API_KEY.CREATED_AT, API_KEY.LAST_USED_AT, API_KEY.REVOKED_AT)
			.from(API_KEY)
			.orderBy(API_KEY.CREATED_AT.desc())
			.fetch((row) -> new ApiKeys.ApiKey(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
	}

	record LiveKey(UUID id, Instant lastUsedAt) {
	}

}
