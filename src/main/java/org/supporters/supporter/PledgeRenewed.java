package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/** A recurring pledge was paid for another period, now ending at {@code paidThrough}. */
public record PledgeRenewed(UUID supporterId, UUID pledgeId, Instant paidThrough, Instant at) {
}
