package org.supporters.importing;

/**
 * Something wrong with a file or a row, in words, where it is: line 1 is the header.
 *
 * @param line the file's line (a quoted field may span lines: the row's first), or 0 for
 * the whole file
 * @param column the column's header as the file writes it, or {@code null}
 * @param blocking whether it stops the import until the file is fixed
 */
record Problem(int line, String column, String message, boolean blocking) {

	static Problem blocking(int line, String column, String message) {
		return new Problem(line, column, message, true);
	}

	static Problem notice(int line, String column, String message) {
		return new Problem(line, column, message, false);
	}

	/** "Line 7, column Email: …", as the dry run prints it. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		if (this.line > 0) {
			text.append("Line ").append(this.line);
			if (this.column != null) {
				text.append(", column ").append(this.column);
			}
			text.append(": ");
		}
		return text.append(this.message).toString();
	}

}
