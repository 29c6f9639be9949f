package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider retried a failed renewal and it failed again; it retries next at
 * {@code nextRetryAt}.
 */
public record RenewalRetryFailed(UUID supporterId, UUID pledgeId, Instant nextRetryAt, Instant at) {
}
