package org.supporters.ask;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import org.supporters.catalog.Money;
import org.supporters.pledge.PledgeLimits;

/**
 * Turns the ask form into an {@link Ask}, or into messages keyed by field ({@code name},
 * {@code a.headline}, {@code shares}, …) for the page to show next to each.
 */
@Component
class AskValidator {

	/** A link in an ask's body: {@code [text](address)}. */
	static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,200})\\]\\(([^)\\s]{1,500})\\)");

	private static final Pattern WHOLE = Pattern.compile("\\d{1,12}");

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d+)?");

	private final PledgeLimits limits;

	private final AskRepository asks;

	AskValidator(PledgeLimits limits, AskRepository asks) {
		this.limits = limits;
		this.asks = asks;
	}

	/** The ask, with this id, or the messages; {@code ask} is null when there are any. */
	Result validate(UUID id, AskForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(form.name());
		if (name.isEmpty()) {
			errors.put("name", "Give the ask a name staff will recognise, e.g. \"Winter appeal\".");
		}
		else if (name.length() > 100) {
			errors.put("name", "Keep the name under 100 characters.");
		}
		Placement placement = Placement.of(text(form.placement())).orElse(null);
		if (placement == null) {
			errors.put("placement", "Choose where the ask goes: end of article or banner.");
		}
		Instant startsAt = AskForm.instant(text(form.startsAt()));
		if (startsAt == null) {
			errors.put("startsAt", "Enter the start as a date and time, e.g. 2026-12-01 09:00.");
		}
		Instant endsAt = null;
		if (!text(form.endsAt()).isEmpty()) {
			endsAt = AskForm.instant(text(form.endsAt()));
			if (endsAt == null) {
				errors.put("endsAt", "Enter the end as a date and time, or leave it empty for no end.");
			}
			else if (startsAt != null && !endsAt.isAfter(startsAt)) {
				errors.put("endsAt", "The end must be after the start.");
			}
		}
		Ask.Ticker ticker = ticker(form, errors);
		List<Ask.Variant> variants = new ArrayList<>();
		List<AskForm.VariantForm> used = form.used();
		int shares = 0;
		for (AskForm.VariantForm variant : used) {
			Ask.Variant valid = variant(variant, used.size() == 1, errors);
			if (valid != null) {
				variants.add(valid);
				shares += valid.share();
			}
		}
		if (variants.size() == used.size() && shares != 100) {
			errors.put("shares", "The variants' shares must add up to 100; they add up to " + shares + ".");
		}
		if (placement != null && startsAt != null && (endsAt == null || endsAt.isAfter(startsAt))) {
			List<String> overlapping = this.asks.overlapping(id, placement, startsAt, endsAt);
			if (!overlapping.isEmpty()) {
				errors.put("placement", "Only one ask can be live per placement, and \"" + overlapping.get(0)
						+ "\" is live there in this period. End it first, or choose other dates.");
			}
		}
		if (!errors.isEmpty()) {
			return new Result(null, errors);
		}
		return new Result(new Ask(id, name, placement, startsAt, endsAt, ticker, variants), Map.of());
	}

	private Ask.Variant variant(AskForm.VariantForm form, boolean only, Map<String, String> errors) {
		String key = form.key();
		int before = errors.size();
		String headline = text(form.headline());
		if (headline.isEmpty()) {
			errors.put(key + ".headline", "Write a headline.");
		}
		else if (headline.length() > 200) {
			errors.put(key + ".headline", "Keep the headline under 200 characters.");
		}
		String body = (form.body() != null) ? form.body().strip().replace("\r\n", "\n") : "";
		if (body.length() > 4000) {
			errors.put(key + ".body", "Keep the text under 4,000 characters.");
		}
		else {
			Matcher links = LINK.matcher(body);
			while (links.find()) {
				String address = links.group(2);
				if (!(address.startsWith("https://") || address.startsWith("http://")
						|| (address.startsWith("/") && !address.startsWith("//")))) {
					errors.put(key + ".body",
							"Links must start with https://, http:// or /: \"" + address + "\" does not.");
					break;
				}
			}
		}
		String button = text(form.buttonLabel());
		if (button.isEmpty()) {
			errors.put(key + ".buttonLabel", "Write the button's label, e.g. \"Support us\".");
		}
		else if (button.length() > 60) {
			errors.put(key + ".buttonLabel", "Keep the button's label under 60 characters.");
		}
		List<Long> amounts = amounts(key, form.amounts(), errors);
		Frequency frequency = Frequency.of(text(form.frequency())).orElse(null);
		if (frequency == null) {
			errors.put(key + ".frequency", "Choose monthly, yearly or one-off.");
		}
		String shareText = text(form.share());
		int share = 0;
		if (shareText.isEmpty() && only) {
			share = 100;
		}
		else if (!shareText.matches("\\d{1,3}") || Integer.parseInt(shareText) > 100) {
			errors.put(key + ".share", "Enter the share of readers as a whole percentage from 0 to 100.");
		}
		else {
			share = Integer.parseInt(shareText);
		}
		return (errors.size() == before) ? new Ask.Variant(key, share, headline, body, button, amounts, frequency)
				: null;
	}

	private List<Long> amounts(String key, String text, Map<String, String> errors) {
		Money minimum = this.limits.minimum();
		Money maximum = this.limits.maximum();
		Currency currency = minimum.currency();
		List<Long> amounts = new ArrayList<>();
		String[] parts = text(text).isEmpty() ? new String[0] : text(text).split("\\s*[,;]\\s*|\\s+");
		if (parts.length == 0 || parts.length > 4) {
			errors.put(key + ".amounts", "Suggest one to four amounts, separated by commas, e.g. 5, 10, 20.");
			return amounts;
		}
		for (String part : parts) {
			if (!AMOUNT.matcher(part).matches()) {
				errors.put(key + ".amounts", "Write each amount as a number, e.g. 5 or 12.50.");
				return amounts;
			}
			BigDecimal major = new BigDecimal(part);
			if (major.scale() > currency.getDefaultFractionDigits()) {
				errors.put(key + ".amounts", "Use at most " + currency.getDefaultFractionDigits() + " decimal places.");
				return amounts;
			}
			long minor = major.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
			if (minor < minimum.minor() || minor > maximum.minor()) {
				errors.put(key + ".amounts", "Each amount must be between " + minimum + " and " + maximum
						+ ", the limits of a pledge; " + new Money(minor, currency) + " is not.");
				return amounts;
			}
			amounts.add(minor);
		}
		return amounts;
	}

	private static Ask.Ticker ticker(AskForm form, Map<String, String> errors) {
		String goalText = text(form.tickerGoal());
		if (goalText.isEmpty()) {
			return null;
		}
		String unit = text(form.tickerUnit());
		long goal = 0;
		if (Ask.Ticker.SUPPORTERS.equals(unit)) {
			if (!WHOLE.matcher(goalText).matches() || Long.parseLong(goalText) == 0) {
				errors.put("tickerGoal", "Enter the goal as a whole number of supporters, e.g. 500.");
			}
			else {
				goal = Long.parseLong(goalText);
			}
		}
		else {
			Currency currency = currency(unit);
			if (currency == null) {
				errors.put("tickerUnit", "Count supporters, or an amount in a currency such as EUR.");
				return null;
			}
			if (!AMOUNT.matcher(goalText).matches()
					|| new BigDecimal(goalText).scale() > currency.getDefaultFractionDigits()
					|| new BigDecimal(goalText).signum() == 0) {
				errors.put("tickerGoal", "Enter the goal as an amount, e.g. 25000.");
			}
			else {
				goal = new BigDecimal(goalText).movePointRight(currency.getDefaultFractionDigits()).longValueExact();
			}
		}
		Instant from = AskForm.instant(text(form.tickerFrom()));
		if (from == null) {
			errors.put("tickerFrom", "Enter when the ticker starts counting.");
		}
		Instant until = null;
		if (!text(form.tickerUntil()).isEmpty()) {
			until = AskForm.instant(text(form.tickerUntil()));
			if (until == null || (from != null && !until.isAfter(from))) {
				errors.put("tickerUntil", "The ticker's end must be a date and time after its start, or empty.");
			}
		}
		return (goal > 0 && from != null) ? new Ask.Ticker(goal, unit, from, until) : null;
	}

	private static Currency currency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return null;
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	record Result(Ask ask, Map<String, String> errors) {
	}

}
