package org.supporters.staff;

import java.time.Instant;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.AUDIT_LOG;
import static org.jooq.generated.Tables.STAFF_USER;

@Repository
class AuditRepository {

	private final DSLContext db;

	AuditRepository(DSLContext db) {
		this.db = db;
	}

	void insert(Instant at, Long staffUserId, String action, String target, String details, String remoteAddress) {
		this.db.insertInto(AUDIT_LOG)
			.set(AUDIT_LOG.OCCURRED_AT, at)
			.set(AUDIT_LOG.STAFF_USER_ID, staffUserId)
			.set(AUDIT_LOG.ACTION, action)
			.set(AUDIT_LOG.TARGET, target)
			.set(AUDIT_LOG.DETAILS, JSONB.jsonb(details))
			.set(AUDIT_LOG.REMOTE_ADDRESS, remoteAddress)
			.execute();
	}

	/** Newest first, before the given entry (keyset paging). */
	List<AuditEntry> page(Long beforeId, int size) {
		Condition before = (beforeId != null) ? AUDIT_LOG.ID.lt(beforeId) : DSL.noCondition();
		return this.db
			.select(AUDIT_LOG.ID, AUDIT_LOG.OCCURRED_AT, STAFF_USER.EMAIL, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET,
					AUDIT_LOG.DETAILS, AUDIT_LOG.REMOTE_ADDRESS)
			.from(AUDIT_LOG)
			.leftJoin(STAFF_USER)
			.on(STAFF_USER.ID.eq(AUDIT_LOG.STAFF_USER_ID))
			.where(before)
			.orderBy(AUDIT_LOG.ID.desc())
			.limit(size)
			.fetch((row) -> new AuditEntry(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
					row.value6().data(), row.value7()));
	}

}
