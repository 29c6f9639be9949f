package org.supporters.payment;

import java.time.Instant;

/**
 * One thing reconciling with the provider found missing and put right: an event the
 * provider never delivered, or a subscription that changed without one.
 *
 * @param foundAt when reconciliation found it
 * @param kind {@code undelivered_event} or {@code subscription_state}
 * @param objectId the provider's id of the event or subscription
 * @param details what differed
 */
public record ReconciliationDrift(Instant foundAt, String kind, String objectId, String details) {
}
