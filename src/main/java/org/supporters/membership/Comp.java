package org.supporters.membership;

import java.time.Instant;
import java.util.UUID;

/**
 * A membership staff granted: a tier until a date, with staff's reason.
 *
 * @param revokedAt when staff ended it early, or {@code null}
 */
public record Comp(UUID id, long tierId, Instant validUntil, String reason, Instant grantedAt, Instant revokedAt) {
}
