package org.supporters.payment;

/** A provider event as the inbox stored it: raw, verified, not yet applied. */
public record ReceivedEvent(long id, String provider, String eventId, String type, String payload, int attempts) {
}
