package org.supporters.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as spreadsheets read it (RFC 4180, every cell quoted), with formula injection
 * neutralised: a cell that a spreadsheet would run as a formula gets a leading
 * apostrophe.
 */
final class Csv {

	private final Writer out;

	Csv(Writer out) {
		this.out = out;
	}

	void row(List<String> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					this.out.write(',');
				}
				this.out.write(cell(cells.get(i)));
			}
			this.out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String cell(String value) {
		if (value == null) {
			return "\"\"";
		}
		String safe = startsFormula(value) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private static boolean startsFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
