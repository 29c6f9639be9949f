package org.supporters.report;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.Provider;

/**
 * The supporter list's search, filters, sort and page, as typed in the address bar, with
 * a clear message for every value that cannot be used.
 *
 * @param q part of an email address or the start of a name
 * @param status {@code active}, {@code past_due}, {@code canceled} or {@code one_off}
 * @param tier a tier's slug
 * @param interval {@code month} or {@code year}
 * @param provider {@code stripe} or {@code sandbox}
 * @param joinedFrom first day joined, {@code yyyy-mm-dd}
 * @param joinedTo last day joined, {@code yyyy-mm-dd}
 * @param sort {@code newest}, {@code oldest} or {@code email}
 * @param after the keyset cursor of the last row of the previous page
 */
record SupporterFilter(String q, String status, String tier, String interval, String provider, String joinedFrom,
		String joinedTo, String sort, String after) {

	/** A recurring pledge's status, or one-off pledges. */
	static final List<String> STATUSES = List.of(PledgeStatus.ACTIVE.code(), PledgeStatus.PAST_DUE.code(),
			PledgeStatus.CANCELED.code(), PledgeKind.ONE_OFF.code());

	static final List<String> SORTS = List.of("newest", "oldest", "email");

	/** The filter with blanks as absent and the sort defaulted. */
	SupporterFilter {
		q = blankToNull(q);
		status = blankToNull(status);
		tier = blankToNull(tier);
		interval = blankToNull(interval);
		provider = blankToNull(provider);
		joinedFrom = blankToNull(joinedFrom);
		joinedTo = blankToNull(joinedTo);
		sort = (blankToNull(sort) != null) ? sort.trim() : "newest";
		after = blankToNull(after);
	}

	static SupporterFilter none() {
		return new SupporterFilter(null, null, null, null, null, null, null, null, null);
	}

	/** Messages per field for values that cannot be used; empty when all can. */
	Map<String, String> errors(Predicate<String> tierExists) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.q != null && this.q.length() > 254) {
			errors.put("q", "Search for at most 254 characters.");
		}
		if (this.status != null && !STATUSES.contains(this.status)) {
			errors.put("status", "Choose a status from the list.");
		}
		if (this.tier != null && !tierExists.test(this.tier)) {
			errors.put("tier", "There is no tier \"" + this.tier + "\": choose one from the list.");
		}
		if (this.interval != null && !List.of("month", "year").contains(this.interval)) {
			errors.put("interval", "Choose monthly or yearly.");
		}
		if (this.provider != null
				&& !Arrays.stream(Provider.values()).map(Provider::code).toList().contains(this.provider)) {
			errors.put("provider", "Choose Stripe or Sandbox.");
		}
		LocalDate from = date(this.joinedFrom, "joinedFrom", errors);
		LocalDate to = date(this.joinedTo, "joinedTo", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("joinedTo", "The last day must not be before the first day.");
		}
		if (!SORTS.contains(this.sort)) {
			errors.put("sort", "Choose an order from the list.");
		}
		if (this.after != null && cursor() == null) {
			errors.put("after", "This page link is damaged or out of date: start again from the first page.");
		}
		return errors;
	}

	Instant joinedFromInstant() {
		return (this.joinedFrom != null) ? LocalDate.parse(this.joinedFrom).atStartOfDay().toInstant(ZoneOffset.UTC)
				: null;
	}

	/** The first moment after the last day joined. */
	Instant joinedUntilInstant() {
		return (this.joinedTo != null)
				? LocalDate.parse(this.joinedTo).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
	}

	/** The decoded cursor, or null when there is none or it cannot be read. */
	Cursor cursor() {
		if (this.after == null) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(this.after), StandardCharsets.UTF_8);
			int separator = decoded.lastIndexOf('|');
			if (separator < 0) {
				return null;
			}
			String value = decoded.substring(0, separator);
			UUID id = UUID.fromString(decoded.substring(separator + 1));
			if (!"email".equals(this.sort)) {
				Instant.parse(value);
			}
			return new Cursor(value, id);
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			return null;
		}
	}

	static String cursorOf(String value, UUID id) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((value + "|" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeException ex) {
			errors.put(field, "Enter a date as year-month-day, e.g. 2026-01-31.");
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** Where the previous page ended: the sort value and the supporter id. */
	record Cursor(String value, UUID id) {
	}

}
