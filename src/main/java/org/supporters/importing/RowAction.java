package org.supporters.importing;

/** What confirming the dry run does with a row. */
enum RowAction {

	/** A new supporter, with a comp until the date they paid through. */
	NEW("new"),

	/** Imported before; the newer file changed something, which is updated. */
	UPDATE("update"),

	/** Imported before, and the file says the same: nothing changes. */
	UNCHANGED("unchanged"),

	/**
	 * Already a supporter here (not from an import, or pledged here since): left as is.
	 */
	LEFT_AS_IS("left as is"),

	/** Not imported: a former or declined patron, no email, a lapsed access… */
	SKIPPED("skipped"),

	/** A problem that stops the whole import until the file is fixed. */
	BLOCKED("blocked");

	private final String label;

	RowAction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
