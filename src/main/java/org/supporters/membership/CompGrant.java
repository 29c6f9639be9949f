package org.supporters.membership;

import java.time.Instant;
import java.util.UUID;

/** A comp to grant with others at once: a tier until a date, for a reason. */
public record CompGrant(UUID supporterId, long tierId, Instant validUntil, String reason) {
}
