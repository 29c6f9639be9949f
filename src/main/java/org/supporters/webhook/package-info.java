/**
 * Outgoing webhooks: admins register endpoints; the ledger's events become signed
 * deliveries in a durable outbox written in the ledger's own transaction, sent in order
 * per supporter and endpoint, retried with backoff, and logged per attempt.
 */
package org.supporters.webhook;
