package org.supporters.lifecycle;

import java.time.Instant;

/**
 * A lifecycle mail written for a supporter.
 *
 * @param createdAt when it was written to the outbox
 * @param sentAt when SMTP took it, or {@code null} while it waits (or when the outbox's
 * copy is gone with an erasure)
 */
public record SentMail(MailKind kind, Instant createdAt, Instant sentAt) {
}
