package org.supporters.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An admin's form for a tier: prices typed in major units of the catalog's currency,
 * benefits as a comma-separated list.
 */
record TierForm(String slug, String name, String description, String benefits, String monthly, String yearly) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final Pattern BENEFIT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,7}([.,]\\d+)?");

	static TierForm empty() {
		return new TierForm("", "", "", "members-only, fewer-asks", "", "");
	}

	static TierForm of(Tier tier, String currency) {
		return new TierForm(tier.slug(), tier.name(), tier.description(), String.join(", ", tier.benefits()),
				tier.price(currency, BillingInterval.MONTH).map(TierForm::plain).orElse(""),
				tier.price(currency, BillingInterval.YEAR).map(TierForm::plain).orElse(""));
	}

	/**
	 * Field name to message, empty when the form is valid.
	 * @param maximum the largest price in this currency
	 */
	Map<String, String> errors(Currency currency, Money maximum) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(this.slug) || !SLUG.matcher(this.slug.trim()).matches()) {
			errors.put("slug", "Use 1 to 40 lower-case letters, digits and hyphens, e.g. supporter.");
		}
		if (blank(this.name) || this.name.trim().length() > 80) {
			errors.put("name", "Enter a name of at most 80 characters.");
		}
		if (this.description != null && this.description.trim().length() > 500) {
			errors.put("description", "A description has at most 500 characters.");
		}
		List<String> benefits = benefitList();
		if (benefits.size() > 20 || benefits.stream().anyMatch((benefit) -> !BENEFIT.matcher(benefit).matches())) {
			errors.put("benefits", "List up to 20 benefits in lower case with hyphens, e.g. members-only, ad-free.");
		}
		price("monthly", this.monthly, currency, maximum, errors);
		price("yearly", this.yearly, currency, maximum, errors);
		return errors;
	}

	/** The valid form as a change to the catalog. */
	TierChange change(Currency currency) {
		return new TierChange(this.slug.trim(), this.name.trim(),
				(this.description != null) ? this.description.trim() : "", benefitList(),
				price("monthly", this.monthly, currency, null, new LinkedHashMap<>()),
				price("yearly", this.yearly, currency, null, new LinkedHashMap<>()));
	}

	private List<String> benefitList() {
		return (this.benefits == null) ? List.of()
				: Arrays.stream(this.benefits.split(",")).map(String::trim).filter((b) -> !b.isEmpty()).toList();
	}

	/**
	 * A price typed in major units, or null with a message for {@code field}.
	 * @param maximum the largest price, or null when already checked
	 */
	static Money price(String field, String text, Currency currency, Money maximum, Map<String, String> errors) {
		String input = (text != null) ? text.trim() : "";
		if (!AMOUNT.matcher(input).matches()) {
			errors.put(field, "Enter the price as a number, e.g. 10 or 9.50.");
			return null;
		}
		BigDecimal major = new BigDecimal(input.replace(',', '.'));
		int digits = currency.getDefaultFractionDigits();
		if (major.scale() > digits || major.signum() <= 0) {
			errors.put(field, "Enter a price above zero with at most " + digits + " decimal places.");
			return null;
		}
		Money price = new Money(major.movePointRight(digits).longValueExact(), currency);
		if (maximum != null && price.minor() > maximum.minor()) {
			errors.put(field, "Enter a price of at most " + maximum + ", the largest amount taken online.");
			return null;
		}
		return price;
	}

	static String plain(Money money) {
		return money.major().toPlainString();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
