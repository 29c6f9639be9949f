package org.supporters.pledge;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import org.supporters.account.PledgeAmounts;
import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.platform.EmailAddresses;

/**
 * Turns what a reader typed into a {@link PledgeChoice}, or into messages next to the
 * fields that need fixing. The account page checks a changed amount by the same rules.
 */
@Component
class PledgeFormValidator implements PledgeAmounts {

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}([.,]\\d+)?");

	private static final Pattern ATTEMPT = Pattern.compile("[A-Za-z0-9-]{16,64}");

	private final Catalog catalog;

	private final PledgeProperties limits;

	PledgeFormValidator(Catalog catalog, PledgeProperties limits) {
		this.catalog = catalog;
		this.limits = limits;
	}

	/**
	 * @param askAmounts amounts an ask suggested (in minor units, within the limits): a
	 * preset of any frequency
	 * @param currency the currency the reader saw the page in (already checked: offered)
	 */
	Optional<PledgeChoice> validate(PledgeForm form, Errors errors, List<Long> askAmounts, Currency currency) {
		BillingInterval interval = null;
		boolean oneOff = "one-off".equals(form.frequency());
		if ("monthly".equals(form.frequency())) {
			interval = BillingInterval.MONTH;
		}
		else if ("yearly".equals(form.frequency())) {
			interval = BillingInterval.YEAR;
		}
		else if (!oneOff) {
			errors.rejectValue("frequency", "support.error.frequency");
		}
		Tier tier = null;
		Money amount = null;
		String option = (form.option() != null) ? form.option() : "";
		if (option.startsWith("tier:")) {
			if (oneOff) {
				errors.rejectValue("option", "support.error.tier-one-off");
			}
			else if (interval != null) {
				tier = this.catalog.tier(option.substring(5)).filter(Tier::active).orElse(null);
				amount = (tier != null) ? tier.price(currency.getCurrencyCode(), interval).orElse(null) : null;
				if (tier != null && amount == null) {
					errors.rejectValue("option", "tier.notOfferedInCurrency",
							new Object[] { tier.name(), currency.getCurrencyCode() }, null);
					tier = null;
				}
				else if (amount == null) {
					errors.rejectValue("option", "support.error.tier-gone");
				}
			}
		}
		else if (option.startsWith("preset:")) {
			amount = askAmounts.stream().map(String::valueOf).anyMatch(option.substring(7)::equals)
					? new Money(Long.parseLong(option.substring(7)), currency)
					: preset(option.substring(7), oneOff, currency, errors);
		}
		else if (option.equals("own")) {
			amount = ownAmount(form.ownAmount(), currency, errors);
		}
		else {
			errors.rejectValue("option", "support.error.option");
		}
		String email = validateEmail(form.email(), errors);
		String name = validateName(form.name(), errors);
		if (form.attempt() == null || !ATTEMPT.matcher(form.attempt()).matches()) {
			errors.reject("support.error.out-of-date");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new PledgeChoice(tier, amount, interval, email, name));
	}

	private Money preset(String minor, boolean oneOff, Currency currency, Errors errors) {
		if (!oneOff) {
			errors.rejectValue("option", "support.error.preset-recurring");
			return null;
		}
		Long value = this.limits.presetsFor(currency.getCurrencyCode())
			.stream()
			.filter((preset) -> String.valueOf(preset).equals(minor))
			.findFirst()
			.orElse(null);
		if (value == null) {
			errors.rejectValue("option", "support.error.preset");
			return null;
		}
		return new Money(value, currency);
	}

	private Money ownAmount(String text, Currency currency, Errors errors) {
		AmountCheck check = check(text, currency);
		if (check.error() != null) {
			check.reject(errors, "ownAmount");
		}
		return check.amount();
	}

	@Override
	public AmountCheck check(String text, Currency currency) {
		String input = (text != null) ? text.trim() : "";
		Money minimum = new Money(this.limits.minimumFor(currency.getCurrencyCode()), currency);
		Money maximum = new Money(this.limits.maximumFor(currency.getCurrencyCode()), currency);
		if (input.isEmpty()) {
			return AmountCheck.error("amount.error.empty");
		}
		if (input.startsWith("-")) {
			return AmountCheck.error("amount.error.negative", minimum.formatted());
		}
		if (!AMOUNT.matcher(input).matches()) {
			return AmountCheck.error("amount.error.number");
		}
		BigDecimal major = new BigDecimal(input.replace(',', '.'));
		int digits = currency.getDefaultFractionDigits();
		if (major.scale() > digits) {
			return (digits == 0) ? AmountCheck.error("amount.error.whole")
					: AmountCheck.error("amount.error.decimals", String.valueOf(digits));
		}
		long minor = major.movePointRight(digits).longValueExact();
		if (minor < minimum.minor()) {
			return AmountCheck.error("amount.error.minimum", minimum.formatted());
		}
		if (minor > maximum.minor()) {
			return AmountCheck.error("amount.error.maximum", maximum.formatted());
		}
		return AmountCheck.ok(new Money(minor, currency));
	}

	private static String validateEmail(String text, Errors errors) {
		String email = (text != null) ? text.trim() : "";
		if (email.isEmpty()) {
			errors.rejectValue("email", "email.error.empty");
		}
		else if (email.codePointCount(0, email.length()) > EmailAddresses.MAX_LENGTH) {
			errors.rejectValue("email", "email.error.too-long");
		}
		else if (!EmailAddresses.isValid(email)) {
			errors.rejectValue("email", "email.error.invalid");
		}
		return email;
	}

	private static String validateName(String text, Errors errors) {
		String name = (text != null) ? text.strip() : "";
		if (name.length() > 200) {
			errors.rejectValue("name", "name.error.too-long");
		}
		return name.isEmpty() ? null : name;
	}

}
