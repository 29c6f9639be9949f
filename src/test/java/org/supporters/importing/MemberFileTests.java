package org.supporters.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.supporters.supporter.SupporterSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad files and bad rows: each gets words that name its line and column. */
class MemberFileTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final String HEADER = "Name,Email,Patron Status,Pledge Amount,Currency,Charge Frequency,Tier,"
			+ "Next Charge Date,Lifetime Amount\r\n";

	@Test
	void windows1252IsReadAndSaidSo() {
		byte[] file = (HEADER
				+ "Zoë Müller,zoe@example.com,Active patron,5.00,EUR,monthly,Supporter,2026-07-01,5.00\r\n")
			.getBytes(Charset.forName("windows-1252"));

		RowReader.Rows rows = read(file, SupporterSource.PATREON);

		assertThat(rows.rows()).singleElement().satisfies((row) -> assertThat(row.name()).isEqualTo("Zoë Müller"));
		assertThat(rows.problems()).extracting(Problem::describe)
			.anySatisfy((text) -> assertThat(text).contains("read as Windows-1252"));
	}

	@Test
	void notCsvEmptyAndUtf16AreRefusedWithWhatToDo() {
		assertThat(messages(new byte[] { 'P', 'K', 3, 4, 0, 0 })).contains("not a CSV file");
		assertThat(messages(new byte[0])).contains("The file is empty");
		assertThat(messages("\r\n\r\n".getBytes(StandardCharsets.UTF_8))).contains("The file is empty");
		assertThat(messages(new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 })).contains("UTF-16");
		assertThat(messages(new byte[] { 'a', 0, 1, 2, 'b' })).contains("binary data");
		assertThat(messages(HEADER.getBytes(StandardCharsets.UTF_8))).contains("no members below it");
	}

	@Test
	void aHeaderPatreonNeverWroteIsNamedByItsColumn() {
		byte[] file = "Full Name,E-mail address,Favourite colour\r\nAnn,ann@example.com,red\r\n"
			.getBytes(StandardCharsets.UTF_8);

		List<Problem> problems = read(file, SupporterSource.PATREON).problems();

		assertThat(problems).extracting(Problem::describe)
			.contains("Line 1, column Favourite colour: Patreon's members export has no such column; it is ignored.")
			.anySatisfy((text) -> assertThat(text).contains("not Patreon's members export: the header has no Email"));
		assertThat(problems).anyMatch(Problem::blocking);
	}

	@Test
	void duplicateEmailsNegativeAndAbsurdAmountsAndBadDatesBlockWithLineAndColumn() {
		byte[] file = (HEADER + "A,dup@example.com,Active patron,5.00,USD,monthly,Supporter,2026-07-01,5.00\r\n"
				+ "B,DUP@example.com,Active patron,5.00,USD,monthly,Supporter,2026-07-01,5.00\r\n"
				+ "C,neg@example.com,Active patron,-5.00,USD,monthly,Supporter,2026-07-01,5.00\r\n"
				+ "D,rich@example.com,Active patron,\"5,000,000.00\",USD,monthly,Supporter,2026-07-01,5.00\r\n"
				+ "E,date@example.com,Active patron,5.00,USD,monthly,Supporter,next week,5.00\r\n"
				+ "F,far@example.com,Active patron,5.00,USD,monthly,Supporter,2099-01-01,5.00\r\n"
				+ "G,past@example.com,Active patron,5.00,USD,monthly,Supporter,2020-01-01,5.00\r\n"
				+ "H,cur@example.com,Active patron,5.00,XYZ,monthly,Supporter,2026-07-01,5.00\r\n"
				+ "I,not-an-email,Active patron,5.00,USD,monthly,Supporter,2026-07-01,5.00\r\n")
			.getBytes(StandardCharsets.UTF_8);

		List<MemberRow> rows = read(file, SupporterSource.PATREON).rows();

		assertThat(rows.stream().flatMap((row) -> row.problems().stream()).map(Problem::describe).toList()).contains(
				"Line 3, column Email: DUP@example.com is also on line 2: keep one row per member, then upload the file again.",
				"Line 4, column Pledge Amount: -5.00 is negative: an amount cannot be.",
				"Line 5, column Pledge Amount: 5,000,000.00 is far more than anyone pledges: check the amount (the largest the import takes is 1000000.00).",
				"Line 6, column Next Charge Date: \"next week\" is not a date (write it as Patreon does, e.g. 2026-03-05).",
				"Line 7, column Next Charge Date: paid through 2099-01-01, more than two years ahead: that is not a date a member has paid for.",
				"Line 8, column Next Charge Date: paid through 2020-01-01, which has passed: their access has ended.",
				"Line 9, column Currency: \"XYZ\" is not a currency code such as USD or EUR.",
				"Line 10, column Email: \"not-an-email\" is not an email address.");
		assertThat(rows).extracting(MemberRow::blocked)
			.containsExactly(false, true, true, true, true, true, false, false, false);
		assertThat(rows).extracting(MemberRow::skip)
			.containsExactly(null, null, null, null, "no paid-through date", null, "lapsed", "unknown currency",
					"bad email");
	}

	@Test
	void quotedFieldsKeepTheLineTheirRowStartsOnAndABrokenQuoteIsNamed() {
		byte[] file = (HEADER + "\"Multi\r\nLine, Name\",ml@example.com,Active patron,5.00,USD,monthly,Supporter,"
				+ "2026-07-01,5.00\r\nNext,next@example.com,Active patron,5.00,USD,monthly,Supporter,2026-07-01,5.00\r\n"
				+ "\"Broken\"x,b@example.com,Active patron\r\n")
			.getBytes(StandardCharsets.UTF_8);

		RowReader.Rows rows = read(file, SupporterSource.PATREON);

		assertThat(rows.rows()).extracting(MemberRow::line).containsExactly(2, 4);
		assertThat(rows.rows().get(0).name()).isEqualTo("Multi Line, Name");
		assertThat(rows.problems()).extracting(Problem::describe)
			.anySatisfy((text) -> assertThat(text).startsWith("Line 5: The CSV cannot be read from here on"));
	}

	private static RowReader.Rows read(byte[] file, SupporterSource source) {
		return RowReader.read(MemberFile.read(file), source, "EUR", NOW);
	}

	private static String messages(byte[] file) {
		return String.join(" ",
				read(file, SupporterSource.PATREON).problems().stream().map(Problem::describe).toList());
	}

}
