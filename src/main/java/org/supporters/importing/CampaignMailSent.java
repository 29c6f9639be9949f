package org.supporters.importing;

import java.time.Instant;

/** A mail the move's campaign sent a supporter. */
public record CampaignMailSent(String subject, Instant sentAt) {
}
