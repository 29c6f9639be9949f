/**
 * The mails of a reader's life with the publication: a welcome and receipt, renewal
 * receipts, a failed payment (with a signed link to update the card), a recovery, an
 * upcoming yearly renewal, a cancel, an end, a contribution's or a comp's benefits
 * ending. It listens to the ledger's events and writes each mail to the outbox in the
 * event's own transaction, once per event and kind of mail
 * ({@link org.supporters.lifecycle.SentMails} lists them for staff); scheduled jobs send
 * the notices ahead of a date. {@link org.supporters.lifecycle.ReaderLocales} remembers
 * the language a reader pledged in.
 */
package org.supporters.lifecycle;
