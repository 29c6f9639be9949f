package org.supporters.pledge;

/**
 * The support page's form, as typed.
 *
 * @param frequency {@code monthly}, {@code yearly} or {@code one-off}
 * @param option {@code tier:<slug>}, {@code preset:<minor units>} or {@code own}
 * @param ownAmount the reader's own amount in major units, e.g. {@code 12.50}
 * @param attempt a token the page was rendered with: the same form sent twice is one
 * checkout
 */
record PledgeForm(String frequency, String option, String ownAmount, String email, String name, String attempt) {

	static PledgeForm blank(String attempt) {
		return new PledgeForm("monthly", null, null, null, null, attempt);
	}

}
