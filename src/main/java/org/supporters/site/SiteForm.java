package org.supporters.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.supporters.platform.EmailAddresses;
import org.supporters.platform.StorableText;

/**
 * The admin's form for the publication's look; every field may be left empty for the
 * neutral default. The logo comes beside it, as an upload.
 *
 * @param accent a colour as {@code #rrggbb} or {@code #rgb}
 * @param removeLogo {@code "true"} to go back to no logo
 */
record SiteForm(String name, String accent, String homeUrl, String privacyUrl, String termsUrl, String contactUrl,
		String supportHeadline, String supportText, String removeLogo) {

	static final int NAME_LENGTH = 100;

	static final int URL_LENGTH = 500;

	static final int HEADLINE_LENGTH = 120;

	static final int TEXT_LENGTH = 1000;

	private static final Pattern COLOUR = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

	static SiteForm of(StoredBrand brand) {
		return new SiteForm(brand.name(), brand.accent(), brand.homeUrl(), brand.privacyUrl(), brand.termsUrl(),
				brand.contactUrl(), brand.supportHeadline(), brand.supportText(), null);
	}

	/** Field name to message, empty when the form is valid. */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		text("name", this.name, NAME_LENGTH, false, errors);
		colour(errors);
		web("homeUrl", this.homeUrl, errors);
		web("privacyUrl", this.privacyUrl, errors);
		web("termsUrl", this.termsUrl, errors);
		contact(errors);
		text("supportHeadline", this.supportHeadline, HEADLINE_LENGTH, false, errors);
		text("supportText", this.supportText, TEXT_LENGTH, true, errors);
		return errors;
	}

	/** The valid form as the row to store, keeping the logo it names. */
	StoredBrand brand(String logoHash, String logoType) {
		return new StoredBrand(clean(this.name), colour(), clean(this.homeUrl), clean(this.privacyUrl),
				clean(this.termsUrl), clean(this.contactUrl), clean(this.supportHeadline), clean(this.supportText),
				logoHash, logoType);
	}

	boolean removesLogo() {
		return "true".equals(this.removeLogo);
	}

	/** The colour in lower case with six digits, e.g. {@code #0b4f8a}, or null. */
	private String colour() {
		String input = clean(this.accent);
		if (input == null) {
			return null;
		}
		String digits = input.startsWith("#") ? input.substring(1) : input;
		if (digits.length() == 3) {
			digits = new String(new char[] { digits.charAt(0), digits.charAt(0), digits.charAt(1), digits.charAt(1),
					digits.charAt(2), digits.charAt(2) });
		}
		return "#" + digits.toLowerCase(Locale.ROOT);
	}

	private void colour(Map<String, String> errors) {
		String input = clean(this.accent);
		if (input == null) {
			return;
		}
		if (input.length() > 7 || !COLOUR.matcher(input).matches()) {
			errors.put("accent", "Enter a colour as # and six hexadecimal digits, e.g. #0b4f8a.");
			return;
		}
		double ratio = Contrast.ratio(Integer.parseInt(colour().substring(1), 16), Contrast.WHITE);
		if (ratio < Contrast.AA) {
			errors.put("accent", String.format(Locale.UK,
					"This colour has a contrast of %.1f:1 with white; links on the page and white text on buttons need at least 4.5:1 (WCAG AA). Choose a darker colour.",
					Math.floor(ratio * 10) / 10));
		}
	}

	private static void web(String field, String value, Map<String, String> errors) {
		String input = clean(value);
		if (input != null && !isWebAddress(input)) {
			errors.put(field, "Enter a full web address starting with https:// or http://, at most " + URL_LENGTH
					+ " characters.");
		}
	}

	private void contact(Map<String, String> errors) {
		String input = clean(this.contactUrl);
		if (input == null || isWebAddress(input)) {
			return;
		}
		boolean mail = input.length() <= URL_LENGTH && input.startsWith("mailto:")
				&& EmailAddresses.isValid(input.substring("mailto:".length()));
		if (!mail) {
			errors.put("contactUrl",
					"Enter a web address starting with https:// or http://, or mailto: and an email address.");
		}
	}

	static boolean isWebAddress(String input) {
		if (input.length() > URL_LENGTH || !StorableText.isStorable(input) || input.chars().anyMatch((c) -> c <= ' ')) {
			return false;
		}
		try {
			URI uri = new URI(input);
			return (input.startsWith("https://") || input.startsWith("http://")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void text(String field, String value, int maximum, boolean lines, Map<String, String> errors) {
		String input = clean(value);
		if (input == null) {
			return;
		}
		if (input.length() > maximum || !StorableText.isStorable(input)) {
			errors.put(field, "Write at most " + maximum + " characters.");
		}
		else if (!lines && (input.contains("\n") || input.contains("\r"))) {
			errors.put(field, "Write one line.");
		}
	}

	/** Trimmed, or null when empty. */
	private static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
