package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/** A pledge whose renewal had failed is paid again. */
public record PledgeRecovered(UUID supporterId, UUID pledgeId, Instant at) {
}
