package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/** A renewal failed; the provider retries, and the supporter is in grace meanwhile. */
public record RenewalFailed(UUID supporterId, UUID pledgeId, Instant at) {
}
