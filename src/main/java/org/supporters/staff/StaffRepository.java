package org.supporters.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.STAFF_USER;
import static org.jooq.impl.DSL.lower;

@Repository
class StaffRepository {

	private final DSLContext db;

	StaffRepository(DSLContext db) {
		this.db = db;
	}

	/** Serialises the first-admin check across instances until the transaction ends. */
	void lockForFirstAdmin() {
		this.db.select(DSL.field("pg_advisory_xact_lock(hashtext('supporters.staff.first-admin'))")).fetch();
	}

	boolean isEmpty() {
		return !this.db.fetchExists(STAFF_USER);
	}

	Optional<StaffUser> findByEmail(String email) {
		return this.db.selectFrom(STAFF_USER)
			.where(lower(STAFF_USER.EMAIL).eq(email.toLowerCase()))
			.fetchOptional()
			.map(StaffRepository::staffUser);
	}

	Optional<StaffUser> findById(long id) {
		return this.db.selectFrom(STAFF_USER)
			.where(STAFF_USER.ID.eq(id))
			.fetchOptional()
			.map(StaffRepository::staffUser);
	}

	List<StaffUser> findAll() {
		return this.db.selectFrom(STAFF_USER).orderBy(lower(STAFF_USER.EMAIL)).fetch().map(StaffRepository::staffUser);
	}

	/** Adds a staff user unless the email is taken; empty when it is. */
	Optional<Long> insert(String email, String displayName, String passwordHash, String role) {
		return this.db.insertInto(STAFF_USER)
			.set(STAFF_USER.EMAIL, email)
			.set(STAFF_USER.DISPLAY_NAME, displayName)
			.set(STAFF_USER.PASSWORD_HASH, passwordHash)
			.set(STAFF_USER.ROLE, role)
			.onConflictDoNothing()
			.returning(STAFF_USER.ID)
			.fetchOptional(STAFF_USER.ID);
	}

	boolean setEnabled(long id, boolean enabled) {
		return this.db.update(STAFF_USER)
			.set(STAFF_USER.ENABLED, enabled)
			.where(STAFF_USER.ID.eq(id))
			.and(STAFF_USER.ENABLED.ne(enabled))
			.execute() == 1;
	}

	/**
	 * Counts a wrong password; at the limit the account locks until the given time and
	 * the count starts again. Returns true when this attempt locked it.
	 */
	boolean recordFailure(String email, int maxAttempts, Instant lockedUntil) {
		Integer attempts = this.db.update(STAFF_USER)
			.set(STAFF_USER.FAILED_ATTEMPTS,
					DSL.when(STAFF_USER.FAILED_ATTEMPTS.plus(1).ge(maxAttempts), DSL.inline(0))
						.otherwise(STAFF_USER.FAILED_ATTEMPTS.plus(1)))
			.set(STAFF_USER.LOCKED_UNTIL,
					DSL.when(STAFF_USER.FAILED_ATTEMPTS.plus(1).ge(maxAttempts), DSL.val(lockedUntil))
						.otherwise(STAFF_USER.LOCKED_UNTIL))
			.where(lower(STAFF_USER.EMAIL).eq(email.toLowerCase()))
			.returning(STAFF_USER.FAILED_ATTEMPTS)
			.fetchOptional(STAFF_USER.FAILED_ATTEMPTS)
			.orElse(-1);
		return attempts == 0;
	}

	void recordSuccess(long id, Instant at) {
		this.db.update(STAFF_USER)
			.set(STAFF_USER.FAILED_ATTEMPTS, 0)
			.setNull(STAFF_USER.LOCKED_UNTIL)
			.set(STAFF_USER.LAST_SIGN_IN_AT, at)
			.where(STAFF_USER.ID.eq(id))
			.execute();
	}

	private static StaffUser staffUser(Record row) {
		Instant lockedUntil = row.get(STAFF_USER.LOCKED_UNTIL);
		Instant lastSignIn = row.get(STAFF_USER.LAST_SIGN_IN_AT);
		return new StaffUser(row.get(STAFF_USER.ID), row.get(STAFF_USER.EMAIL), row.get(STAFF_USER.DISPLAY_NAME),
				row.get(STAFF_USER.PASSWORD_HASH), row.get(STAFF_USER.ROLE), row.get(STAFF_USER.ENABLED), lockedUntil,
				lastSignIn);
	}

}
