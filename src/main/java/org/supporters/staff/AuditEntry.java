package org.supporters.staff;

import java.time.Instant;

/** One line of the audit log as admins read it. */
record AuditEntry(long id, Instant occurredAt, String staffEmail, String action, String target, String details,
		String remoteAddress) {
}
