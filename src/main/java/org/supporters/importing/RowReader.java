package org.supporters.importing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.supporters.catalog.BillingInterval;
import org.supporters.platform.EmailAddresses;
import org.supporters.supporter.SupporterSource;

/**
 * Turns a file's rows into checked {@link MemberRow}s: finds the columns by their
 * headers, reads amounts and dates as each source writes them, and words every problem
 * with its line and column.
 */
final class RowReader {

	/** No single pledge is more than this many major units (the ledger's limit). */
	static final long MAX_AMOUNT_MINOR = 100_000_000L;

	static final long MAX_LIFETIME_MINOR = 10_000_000_000L;

	/** A paid-through date further ahead than this is a mistake, not a prepaid year. */
	static final Duration MAX_AHEAD = Duration.ofDays(2 * 366);

	private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
		.appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss]")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private static final Pattern DAY_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** An offset or a Z after the time, e.g. 2026-03-05T10:00:00+01:00. */
	private static final Pattern WITH_OFFSET = Pattern
		.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)$");

	private static final Pattern LEADING_SYMBOL = Pattern.compile("^[^0-9+\\-.]+");

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

	private final SupporterSource source;

	private final String siteCurrency;

	private final Instant now;

	private final Map<Field, Integer> columns = new EnumMap<>(Field.class);

	private final List<String> headers;

	private RowReader(SupporterSource source, List<String> headers, String siteCurrency, Instant now) {
		this.source = source;
		this.headers = headers;
		this.siteCurrency = siteCurrency;
		this.now = now;
	}

	record Rows(List<Problem> problems, List<MemberRow> rows) {
	}

	static Rows read(MemberFile file, SupporterSource source, String siteCurrency, Instant now) {
		List<Problem> problems = new ArrayList<>(file.problems);
		if (file.headers.isEmpty()) {
			return new Rows(problems, List.of());
		}
		RowReader reader = new RowReader(source, file.headers, siteCurrency, now);
		reader.findColumns(problems);
		if (problems.stream().anyMatch((problem) -> problem.blocking() && problem.line() <= 1)) {
			return new Rows(problems, List.of());
		}
		List<MemberRow> rows = new ArrayList<>(file.rows.size());
		Map<String, Integer> firstLineOf = new HashMap<>();
		for (MemberFile.Row row : file.rows) {
			MemberRow member = reader.member(row);
			if (member.email() != null && member.skip() == null) {
				Integer first = firstLineOf.putIfAbsent(member.email().toLowerCase(Locale.ROOT), row.line());
				if (first != null) {
					List<Problem> more = new ArrayList<>(member.problems());
					more.add(Problem.blocking(row.line(), reader.header(Field.EMAIL), member.email()
							+ " is also on line " + first + ": keep one row per member, then upload the file again."));
					member = new MemberRow(member.line(), member.email(), member.name(), member.externalTier(),
							member.amountMinor(), member.currency(), member.interval(), member.since(),
							member.lifetimeMinor(), member.paidThrough(), member.paidThroughColumn(), member.note(),
							member.skip(), List.copyOf(more));
				}
			}
			rows.add(member);
		}
		return new Rows(problems, rows);
	}

	private void findColumns(List<Problem> problems) {
		for (int i = 0; i < this.headers.size(); i++) {
			String header = Field.normalise(this.headers.get(i));
			Field found = null;
			for (Field field : Field.values()) {
				if (field.named(this.source, header)) {
					found = field;
				}
			}
			if (found != null) {
				if (this.columns.putIfAbsent(found, i) != null) {
					problems.add(Problem.blocking(1, this.headers.get(i),
							"this column appears twice in the header; keep one."));
				}
			}
			else if (!header.isEmpty()
					&& !(this.source == SupporterSource.PATREON && Field.PATREON_OTHERS.contains(header))) {
				problems.add(Problem.notice(1, this.headers.get(i), (this.source == SupporterSource.PATREON)
						? "Patreon's members export has no such column; it is ignored."
						: "not one of the columns the import reads (email, name, tier, amount, currency, interval, "
								+ "paid through, note); it is ignored."));
			}
		}
		if (!this.columns.containsKey(Field.EMAIL)) {
			problems.add(Problem.blocking(1, null, (this.source == SupporterSource.PATREON)
					? "This is not Patreon's members export: the header has no Email column. "
							+ "Export the members CSV from Patreon's Relationship Manager, or choose \"Generic CSV\"."
					: "The header has no email column. The first line must name the columns: email, name, tier, "
							+ "amount, currency, interval, paid through, note."));
		}
		if (this.source == SupporterSource.PATREON && !this.columns.containsKey(Field.STATUS)
				&& this.columns.containsKey(Field.EMAIL)) {
			problems.add(Problem.blocking(1, null, "The header has no Patron Status column: without it the import "
					+ "cannot tell active patrons from former ones. Export the members CSV from Patreon again."));
		}
	}

	private String header(Field field) {
		Integer index = this.columns.get(field);
		return (index != null) ? this.headers.get(index) : field.header(this.source);
	}

	private String value(MemberFile.Row row, Field field) {
		Integer index = this.columns.get(field);
		String value = (index != null) ? row.cell(index) : null;
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private MemberRow member(MemberFile.Row row) {
		int line = row.line();
		List<Problem> problems = new ArrayList<>();
		String skip = null;
		String email = value(row, Field.EMAIL);
		if (email == null) {
			skip = "no email";
		}
		else if (email.length() > EmailAddresses.MAX_LENGTH || !EmailAddresses.isValid(email)) {
			problems
				.add(Problem.notice(line, header(Field.EMAIL), "\"" + shorten(email) + "\" is not an email address."));
			skip = "bad email";
		}
		String name = value(row, Field.NAME);
		if (name != null) {
			name = LINE_BREAKS.matcher(name).replaceAll(" ");
			if (name.length() > 200) {
				problems.add(Problem.notice(line, header(Field.NAME), "longer than 200 characters: cut to 200."));
				name = name.substring(0, 200);
			}
			if ("=+-@".indexOf(name.charAt(0)) >= 0) {
				problems.add(Problem.notice(line, header(Field.NAME), "starts like a spreadsheet formula (\""
						+ shorten(name) + "\"): kept as plain text, and exports never let a spreadsheet run it."));
			}
		}
		if (skip == null && this.source == SupporterSource.PATREON) {
			skip = statusSkip(value(row, Field.STATUS), line, problems);
		}
		String currency = currency(row, line, problems);
		if (currency == null && skip == null) {
			skip = "unknown currency";
		}
		Long amount = amount(row, Field.AMOUNT, MAX_AMOUNT_MINOR, currency, line, problems);
		Long lifetime = amount(row, Field.LIFETIME, MAX_LIFETIME_MINOR, currency, line, problems);
		BillingInterval interval = interval(row, line, problems);
		Instant since = date(row, Field.SINCE, false, line, problems);
		if (since != null && since.isAfter(this.now)) {
			problems.add(Problem.notice(line, header(Field.SINCE), "is in the future; kept as written."));
		}
		Instant paidThrough = null;
		String paidThroughColumn = null;
		for (Field field : List.of(Field.ACCESS_EXPIRATION, Field.PAID_THROUGH, Field.NEXT_CHARGE)) {
			Instant date = date(row, field, true, line, problems);
			if (date != null && paidThrough == null) {
				paidThrough = date;
				paidThroughColumn = header(field);
			}
		}
		if (paidThrough == null) {
			Instant lastCharge = date(row, Field.LAST_CHARGE, false, line, problems);
			if (lastCharge != null) {
				paidThrough = ((interval != null) ? interval : BillingInterval.MONTH).periodEnd(lastCharge);
				paidThroughColumn = header(Field.LAST_CHARGE) + " + one period";
			}
		}
		if (skip == null && paidThrough == null) {
			problems.add(Problem.notice(line, null,
					"no date they have paid through (" + paidThroughColumns() + "): nothing to keep."));
			skip = "no paid-through date";
		}
		if (paidThrough != null && paidThrough.isAfter(this.now.plus(MAX_AHEAD))) {
			problems.add(Problem.blocking(line, paidThroughColumn, "paid through " + day(paidThrough)
					+ ", more than two years ahead: that is not a date a member has paid for."));
		}
		if (skip == null && paidThrough != null && !paidThrough.isAfter(this.now)) {
			problems.add(Problem.notice(line, paidThroughColumn,
					"paid through " + day(paidThrough) + ", which has passed: their access has ended."));
			skip = "lapsed";
		}
		return new MemberRow(line, email, name, value(row, Field.TIER), amount, currency, interval, since, lifetime,
				paidThrough, paidThroughColumn, value(row, Field.NOTE), skip, List.copyOf(problems));
	}

	private String statusSkip(String status, int line, List<Problem> problems) {
		if (status == null) {
			problems.add(Problem.notice(line, header(Field.STATUS), "empty: the row is skipped."));
			return "no patron status";
		}
		return switch (status.toLowerCase(Locale.ROOT)) {
			case "active patron", "active" -> null;
			case "declined patron", "declined" -> "declined patron";
			case "former patron", "former" -> "former patron";
			default -> {
				problems.add(Problem.notice(line, header(Field.STATUS), "\"" + shorten(status)
						+ "\" is not a status Patreon writes (Active patron, Declined patron, Former patron)."));
				yield "unknown patron status";
			}
		};
	}

	private String currency(MemberFile.Row row, int line, List<Problem> problems) {
		String code = value(row, Field.CURRENCY);
		if (code == null) {
			// Patreon's exports before it had other currencies were in US dollars
			return (this.source == SupporterSource.PATREON) ? "USD" : this.siteCurrency;
		}
		String upper = code.toUpperCase(Locale.ROOT);
		if (CURRENCY_CODE.matcher(upper).matches()) {
			try {
				Currency.getInstance(upper);
				return upper;
			}
			catch (IllegalArgumentException ex) {
				// said below
			}
		}
		problems.add(Problem.notice(line, header(Field.CURRENCY),
				"\"" + shorten(code) + "\" is not a currency code such as USD or EUR."));
		return null;
	}

	private Long amount(MemberFile.Row row, Field field, long max, String currency, int line, List<Problem> problems) {
		String text = value(row, field);
		if (text == null) {
			return null;
		}
		String digits = LEADING_SYMBOL.matcher(text).replaceAll("").replace(",", "").replace(" ", "");
		BigDecimal amount;
		try {
			amount = new BigDecimal(digits);
		}
		catch (NumberFormatException ex) {
			problems.add(Problem.blocking(line, header(field),
					"\"" + shorten(text) + "\" is not an amount (write it as Patreon does, e.g. 5.00)."));
			return null;
		}
		if (amount.signum() < 0 || text.startsWith("-")) {
			problems.add(Problem.blocking(line, header(field), text + " is negative: an amount cannot be."));
			return null;
		}
		int digitsAfterPoint = (currency != null) ? Currency.getInstance(currency).getDefaultFractionDigits() : 2;
		BigDecimal minor = amount.movePointRight(Math.max(digitsAfterPoint, 0));
		if (minor.compareTo(BigDecimal.valueOf(max)) > 0) {
			problems.add(Problem.blocking(line, header(field),
					text + " is far more than anyone pledges: " + "check the amount (the largest the import takes is "
							+ BigDecimal.valueOf(max).movePointLeft(Math.max(digitsAfterPoint, 0)).toPlainString()
							+ ")."));
			return null;
		}
		if (minor.stripTrailingZeros().scale() > 0) {
			problems.add(Problem.blocking(line, header(field),
					text + " has more decimals than " + ((currency != null) ? currency : "the currency") + " has."));
			return null;
		}
		return minor.longValueExact();
	}

	private BillingInterval interval(MemberFile.Row row, int line, List<Problem> problems) {
		String text = value(row, Field.INTERVAL);
		if (text == null) {
			return BillingInterval.MONTH;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "monthly", "month", "per month", "1 month" -> BillingInterval.MONTH;
			case "annual", "annually", "yearly", "year", "per year", "12 months" -> BillingInterval.YEAR;
			default -> {
				problems.add(Problem.blocking(line, header(Field.INTERVAL),
						"\"" + shorten(text) + "\" is neither monthly nor annual (yearly)."));
				yield null;
			}
		};
	}

	/**
	 * A date as Patreon and spreadsheets write it; a date alone is its day in UTC, and as
	 * an end ({@code endOfDay}) the instant that day is over.
	 */
	private Instant date(MemberFile.Row row, Field field, boolean endOfDay, int line, List<Problem> problems) {
		String text = value(row, field);
		if (text == null) {
			return null;
		}
		Instant date = parseDate(text, endOfDay);
		if (date == null) {
			problems.add(Problem.blocking(line, header(field),
					"\"" + shorten(text) + "\" is not a date (write it as Patreon does, e.g. 2026-03-05)."));
			return null;
		}
		if (date.isBefore(Instant.parse("1990-01-01T00:00:00Z"))) {
			problems.add(Problem.blocking(line, header(field), text + " is too long ago to be a real date here."));
			return null;
		}
		return date;
	}

	static Instant parseDate(String text, boolean endOfDay) {
		// chosen by the text's shape: a parse that fails costs an exception, and a file
		// has hundreds of thousands of dates
		try {
			if (DAY_ONLY.matcher(text).matches()) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (WITH_OFFSET.matcher(text).find()) {
				return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
			}
			if (text.indexOf('/') > 0) {
				LocalDate day = LocalDate.parse(text, US_DATE);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return LocalDateTime.parse(text.replace('T', ' '), DATE_TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String paidThroughColumns() {
		return (this.source == SupporterSource.PATREON) ? "Access Expiration, Next Charge Date or Last Charge Date"
				: "paid through";
	}

	/** The last day an end covers: until 6 March 00:00 UTC is "2026-03-05". */
	static String day(Instant instant) {
		return instant.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

	private static String shorten(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

}
