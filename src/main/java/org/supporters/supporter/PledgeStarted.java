package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/** A supporter's pledge was recorded for the first time. */
public record PledgeStarted(UUID supporterId, UUID pledgeId, PledgeKind kind, Provider provider, String reference,
		Instant at) {
}
