package org.supporters.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A members file as text and rows: decoded (UTF-8, with or without a byte-order mark;
 * else Windows-1252, which Excel writes on Windows, said as a notice), then read by
 * Apache Commons CSV, so quoted fields with commas and line breaks and Windows line ends
 * just work. Each row keeps the file line it starts on.
 */
final class MemberFile {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Pattern LINE_IN_ERROR = Pattern.compile("\\(line (\\d+)\\)");

	/** The header's cells, as the file writes them. */
	final List<String> headers;

	final List<Row> rows;

	final List<Problem> problems;

	private MemberFile(List<String> headers, List<Row> rows, List<Problem> problems) {
		this.headers = headers;
		this.rows = rows;
		this.problems = problems;
	}

	/** A row's cells with the line it starts on. */
	record Row(int line, List<String> cells) {

		String cell(int index) {
			return (index >= 0 && index < this.cells.size()) ? this.cells.get(index) : null;
		}

	}

	static MemberFile read(byte[] bytes) {
		List<Problem> problems = new ArrayList<>();
		if (bytes.length == 0) {
			return failed(
					Problem.blocking(0, null, "The file is empty. Export the members again and upload that file."));
		}
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return failed(Problem.blocking(0, null, "This is a spreadsheet or a zip archive, not a CSV file. "
					+ "Open it and save it as \"CSV UTF-8 (comma delimited)\", or upload Patreon's CSV as it was exported."));
		}
		if ((bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
				|| (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)))) {
			return failed(Problem.blocking(0, null,
					"The file is UTF-16 text. Save it as UTF-8 (\"CSV UTF-8\" in Excel) and upload it again."));
		}
		String text;
		try {
			text = strict(StandardCharsets.UTF_8, bytes);
		}
		catch (CharacterCodingException notUtf8) {
			try {
				text = strict(WINDOWS_1252, bytes);
				problems.add(Problem.notice(0, null, "The file is not UTF-8: it was read as Windows-1252 (what Excel "
						+ "writes on Windows). Check that the names below look right; if they do not, save the file as "
						+ "\"CSV UTF-8\" and upload it again."));
			}
			catch (CharacterCodingException notText) {
				return failed(Problem.blocking(0, null,
						"The file is neither UTF-8 nor Windows-1252 text. Save it as \"CSV UTF-8\" and upload it again."));
			}
		}
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		if (text.indexOf('\0') >= 0 || controlCharacters(text) > 0) {
			return failed(Problem.blocking(0, null,
					"This is not a CSV file: it holds binary data. Upload the CSV file the export gave you."));
		}
		if (text.isBlank()) {
			return failed(
					Problem.blocking(0, null, "The file is empty. Export the members again and upload that file."));
		}
		return parse(text, problems);
	}

	private static MemberFile parse(String text, List<Problem> problems) {
		int[] lineStarts = lineStarts(text);
		List<String> headers = null;
		List<Row> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				int line = lineOf(lineStarts, record.getCharacterPosition());
				List<String> cells = record.toList();
				if (headers == null) {
					headers = cells.stream().map(String::trim).toList();
					continue;
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(new Row(line, cells));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			Matcher at = LINE_IN_ERROR.matcher(String.valueOf(ex.getMessage()));
			int line = at.find() ? Integer.parseInt(at.group(1))
					: rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1;
			problems.add(Problem.blocking(line, null, "The CSV cannot be read from here on: a quoted field is not "
					+ "closed, or text follows its closing quote. Check the quotes on this line."));
			return new MemberFile((headers != null) ? headers : List.of(), rows, problems);
		}
		if (headers == null) {
			return failed(
					Problem.blocking(0, null, "The file is empty. Export the members again and upload that file."));
		}
		if (rows.isEmpty()) {
			problems.add(Problem.blocking(0, null, "The file has a header line but no members below it."));
		}
		return new MemberFile(headers, rows, problems);
	}

	private static MemberFile failed(Problem problem) {
		return new MemberFile(List.of(), List.of(), List.of(problem));
	}

	private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/** C0 controls other than tab and line ends: no text export writes them. */
	private static long controlCharacters(String text) {
		int sample = Math.min(text.length(), 65536);
		return text.substring(0, sample).chars().filter((c) -> c < 0x20 && c != '\t' && c != '\n' && c != '\r').count();
	}

	/** Where each line starts (after \n, \r\n or a lone \r). */
	private static int[] lineStarts(String text) {
		int[] starts = new int[1024];
		int count = 0;
		starts[count++] = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean end = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
			if (end) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	private static int lineOf(int[] lineStarts, long position) {
		int found = Arrays.binarySearch(lineStarts, (int) position);
		return ((found >= 0) ? found : -found - 2) + 1;
	}

}
