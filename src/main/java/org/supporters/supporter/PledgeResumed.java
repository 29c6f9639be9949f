package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/** A reader took back their cancel before the period ended: the pledge renews again. */
public record PledgeResumed(UUID supporterId, UUID pledgeId, Instant at) {
}
