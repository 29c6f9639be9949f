package org.supporters.account;

/**
 * The cancel confirmation, as typed.
 *
 * @param reason a code of {@link org.supporters.supporter.CancelReason}, or empty
 * @param comment the reader's own words, optional
 * @param key the form's idempotency key: the same form sent twice is one cancel
 */
record CancelForm(String reason, String comment, String key) {
}
