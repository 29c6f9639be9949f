package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/** A pledge ended, for {@code reason}; the provider named will not charge it again. */
public record PledgeEnded(UUID supporterId, UUID pledgeId, PledgeKind kind, Provider provider, String reference,
		EndedReason reason, Instant at) {
}
