package org.supporters.staff;

import java.time.Instant;

/**
 * A person who may sign in to the staff pages.
 *
 * @param role {@code ADMIN} or {@code STAFF}
 * @param lockedUntil until when too many wrong passwords keep the account locked
 */
record StaffUser(long id, String email, String displayName, String passwordHash, String role, boolean enabled,
		Instant lockedUntil, Instant lastSignInAt) {

	boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

}
