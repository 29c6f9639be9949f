package org.supporters.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.supporters.platform.StorableText;

/**
 * An admin's words for one benefit: the slug pages check, a label, a one-line
 * description.
 */
record BenefitForm(String slug, String label, String description) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	static final int LABEL_LENGTH = 60;

	static final int DESCRIPTION_LENGTH = 200;

	static BenefitForm empty() {
		return new BenefitForm("", "", "");
	}

	/** Field name to message, empty when the form is valid. */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(this.slug) || !SLUG.matcher(this.slug.trim()).matches()) {
			errors.put("slug", "Use 1 to 40 lower-case letters, digits and hyphens, e.g. members-only.");
		}
		if (blank(this.label) || this.label.trim().length() > LABEL_LENGTH || !StorableText.isStorable(this.label)) {
			errors.put("label", "Enter a label of at most " + LABEL_LENGTH + " characters, e.g. Members-only stories.");
		}
		String description = (this.description != null) ? this.description.trim() : "";
		if (description.length() > DESCRIPTION_LENGTH || description.contains("\n")
				|| !StorableText.isStorable(description)) {
			errors.put("description", "Write one line of at most " + DESCRIPTION_LENGTH + " characters.");
		}
		return errors;
	}

	Benefit benefit() {
		return new Benefit(this.slug.trim(), this.label.trim(),
				(this.description != null) ? this.description.trim() : "");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
