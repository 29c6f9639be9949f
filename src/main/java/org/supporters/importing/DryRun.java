package org.supporters.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.supporters.supporter.SupporterSource;

/**
 * What importing a file would do, changing nothing: one line per row, the file's
 * problems, and how each tier of the file maps to ours.
 */
record DryRun(SupporterSource source, String fileSha256, List<Problem> fileProblems, List<RowPlan> rows,
		List<TierChoice> tiers) {

	/** Whether anything stops the import: it can be confirmed only without. */
	public boolean blocked() {
		return this.fileProblems.stream().anyMatch(Problem::blocking)
				|| this.rows.stream().anyMatch((row) -> row.action() == RowAction.BLOCKED);
	}

	Map<RowAction, Integer> counts() {
		Map<RowAction, Integer> counts = new EnumMap<>(RowAction.class);
		for (RowAction action : RowAction.values()) {
			counts.put(action, 0);
		}
		this.rows.forEach((row) -> counts.merge(row.action(), 1, Integer::sum));
		return counts;
	}

	/** Every problem: the file's, then the rows' in line order. */
	public List<Problem> problems() {
		return Stream.concat(this.fileProblems.stream(), this.rows.stream().flatMap((row) -> row.problems().stream()))
			.toList();
	}

	public List<Problem> blockingProblems() {
		return problems().stream().filter(Problem::blocking).toList();
	}

}
