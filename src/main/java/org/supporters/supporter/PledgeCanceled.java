package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/**
 * The reader canceled: the pledge ends at {@code endsAt}, the end of the period paid for.
 */
public record PledgeCanceled(UUID supporterId, UUID pledgeId, Instant endsAt, Instant at) {
}
