package org.supporters.supporter;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader who pledged; one per email address.
 *
 * @param erasedAt when they had their personal data erased (the email is then a pseudonym
 * and the name gone), or {@code null}
 */
public record Supporter(UUID id, String email, String name, Instant joined, Instant erasedAt) {
}
