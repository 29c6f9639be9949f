package org.supporters.importing;

import java.time.Instant;
import java.util.UUID;

/** A patron an earlier import brought in, as stored. */
record StoredPatron(long id, String email, UUID supporterId, Long tierId, Instant paidThrough, UUID compId,
		String digest, boolean pledged) {
}
