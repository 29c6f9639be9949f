package org.supporters.membership;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An admin's form to give a supporter a tier until a date.
 *
 * @param validUntil the last day of the comp, {@code yyyy-mm-dd}; it ends at the end of
 * that day (UTC)
 */
record CompForm(String tier, String validUntil, String reason) {

	Map<String, String> errors(Predicate<String> tierExists, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.tier == null || this.tier.isBlank()) {
			errors.put("tier", "Choose a tier.");
		}
		else if (!tierExists.test(this.tier.trim())) {
			errors.put("tier", "There is no such tier: choose one from the list.");
		}
		if (this.validUntil == null || this.validUntil.isBlank()) {
			errors.put("validUntil", "Enter the last day of the comp.");
		}
		else {
			try {
				if (!until().isAfter(now)) {
					errors.put("validUntil", "The last day must be today or later.");
				}
			}
			catch (DateTimeException ex) {
				errors.put("validUntil", "Enter a date as year-month-day, e.g. 2026-12-31.");
			}
		}
		if (this.reason == null || this.reason.isBlank()) {
			errors.put("reason", "Say why, for the record.");
		}
		else if (this.reason.trim().length() > 500) {
			errors.put("reason", "A reason has at most 500 characters.");
		}
		return errors;
	}

	/** The first moment after the last day. */
	Instant until() {
		return LocalDate.parse(this.validUntil.trim()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}
