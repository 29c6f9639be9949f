package org.supporters.account;

/**
 * The change-your-support form, as typed.
 *
 * @param frequency {@code monthly} or {@code yearly}
 * @param option {@code tier:<slug>} or {@code own}
 * @param ownAmount the reader's own amount in major units, e.g. {@code 12.50}
 * @param key the form's idempotency key: the same form sent twice is one change
 */
record ChangeForm(String frequency, String option, String ownAmount, String key) {
}
