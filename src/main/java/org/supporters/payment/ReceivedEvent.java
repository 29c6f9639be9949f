package org.supporters.payment;

/**
 * A provider event as the inbox stored it: raw, verified, not yet applied.
 *
 * @param subject what the event is about (a subscription, a payment intent): one
 * subject's events are applied one at a time, in the order received
 */
public record ReceivedEvent(long id, String provider, String eventId, String type, String payload, int attempts,
		String subject) {
}
