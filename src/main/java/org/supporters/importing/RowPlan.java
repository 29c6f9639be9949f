package org.supporters.importing;

import java.util.List;

import org.supporters.catalog.Tier;

/**
 * One line of the dry run: what confirming does with the row, in words.
 *
 * @param tier the tier of the comp, or {@code null} for none
 * @param previous the patron as an earlier import stored them, or {@code null}
 * @param digest what the row says, to tell an unchanged row from a changed one
 */
record RowPlan(MemberRow row, RowAction action, String words, Tier tier, TierChoice.How tierHow, StoredPatron previous,
		String digest) {

	public List<Problem> problems() {
		return this.row.problems();
	}

}
