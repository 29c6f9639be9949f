package org.supporters.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader asked for their personal data to be erased. Published inside the erasing
 * transaction: every module that holds the reader's email or name replaces it with
 * {@code replacementEmail} (or removes it) in its own tables, so the erasure is whole or
 * nothing. Pledges and payments stay, under the pseudonym, for the books.
 *
 * @param supporterId the supporter erased
 * @param email the email being erased
 * @param name the name being erased, or {@code null}
 * @param replacementEmail the pseudonym that takes the email's place
 * @param at when
 */
public record ReaderErased(UUID supporterId, String email, String name, String replacementEmail, Instant at) {

	/** The pseudonym of an erased supporter: unique, and never anyone's address. */
	public static String pseudonymOf(UUID supporterId) {
		return "erased-" + supporterId + "@erased.invalid";
	}

}
