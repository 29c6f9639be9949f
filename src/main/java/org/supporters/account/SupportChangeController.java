package org.supporters.account;

import java.security.Principal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.supporters.catalog.Benefit;
import org.supporters.platform.Languages;
import org.supporters.platform.ReaderFormat;
import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.payment.ChangePreview;
import org.supporters.payment.PaymentProviderUnavailableException;
import org.supporters.payment.PledgeChangeRefusedException;
import org.supporters.payment.PledgeTerms;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.Pledge;

/**
 * Readers change their own recurring pledge on the account pages: another amount or tier,
 * monthly or yearly (previewed with what is due now, then confirmed), cancel with a
 * confirmation and an optional reason, or resume before the period ends. A pledge that is
 * not the reader's is answered as one that does not exist.
 */
@Controller
class SupportChangeController {

	static final int MAX_COMMENT = 500;

	private static final String NOTHING_CHANGED = "account.error.provider";

	private final SupportChanges changes;

	private final Catalog catalog;

	private final PledgeAmounts amounts;

	private final AccountText text;

	SupportChangeController(SupportChanges changes, Catalog catalog, PledgeAmounts amounts, AccountText text) {
		this.text = text;
		this.changes = changes;
		this.catalog = catalog;
		this.amounts = amounts;
	}

	@GetMapping("/account/pledges/{id}/change")
	String changeForm(@PathVariable String id, Principal principal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<Pledge> pledge = pledge(principal, id);
		if (pledge.isEmpty()) {
			return notFound(response);
		}
		if (pledge.get().endedAt() != null) {
			return ended(redirect);
		}
		Pledge current = pledge.get();
		String slug = this.changes.tierSlug(current);
		ChangeForm form = new ChangeForm((current.interval() == BillingInterval.YEAR) ? "yearly" : "monthly",
				(slug != null) ? "tier:" + slug : "own",
				(slug != null) ? null : current.amount().major().toPlainString(), UUID.randomUUID().toString());
		return choosePage(current, form, model);
	}

	@PostMapping("/account/pledges/{id}/change/preview")
	String preview(@PathVariable String id, @ModelAttribute("form") ChangeForm form, BindingResult errors,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Pledge> pledge = pledge(principal, id);
		if (pledge.isEmpty()) {
			return notFound(response);
		}
		if (pledge.get().endedAt() != null) {
			return ended(redirect);
		}
		Optional<PledgeTerms> terms = validate(pledge.get(), form, errors);
		if (terms.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return choosePage(pledge.get(), form, model);
		}
		try {
			ChangePreview preview = this.changes.preview(supporterId(principal), pledge.get(), terms.get());
			model.addAttribute("pledge", pledge.get());
			model.addAttribute("terms", terms.get());
			model.addAttribute("preview", preview);
			model.addAttribute("description", describe(terms.get()));
			return "account/change-confirm";
		}
		catch (PledgeChangeRefusedException ex) {
			return refused(ex, redirect);
		}
		catch (PaymentProviderUnavailableException ex) {
			errors.reject(NOTHING_CHANGED);
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return choosePage(pledge.get(), form, model);
		}
	}

	@PostMapping("/account/pledges/{id}/change")
	String change(@PathVariable String id, @ModelAttribute("form") ChangeForm form, BindingResult errors,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Pledge> pledge = pledge(principal, id);
		if (pledge.isEmpty()) {
			return notFound(response);
		}
		UUID key = key(form.key());
		if (this.changes.alreadyAsked(supporterId(principal), key)) {
			return "redirect:/account";
		}
		Optional<PledgeTerms> terms = validate(pledge.get(), form, errors);
		if (terms.isEmpty() && this.changes.alreadyAsked(supporterId(principal), key)) {
			// the same form's first submission made the change meanwhile
			return "redirect:/account";
		}
		if (terms.isEmpty() || key == null) {
			if (pledge.get().endedAt() != null) {
				return ended(redirect);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return choosePage(pledge.get(), form, model);
		}
		try {
			boolean asked = this.changes.change(supporterId(principal), pledge.get(), terms.get(), key);
			if (asked) {
				redirect.addFlashAttribute("notice", this.text.say("account.notice.changed", describe(terms.get())));
			}
			return "redirect:/account";
		}
		catch (PledgeChangeRefusedException ex) {
			return refused(ex, redirect);
		}
		catch (PaymentProviderUnavailableException ex) {
			errors.reject(NOTHING_CHANGED);
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			// a new key: the provider may have kept its answer to the failed one
			model.addAttribute("freshKey", UUID.randomUUID().toString());
			return choosePage(pledge.get(), form, model);
		}
	}

	@GetMapping("/account/pledges/{id}/cancel")
	String cancelForm(@PathVariable String id, Principal principal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<Pledge> pledge = pledge(principal, id);
		if (pledge.isEmpty()) {
			return notFound(response);
		}
		if (pledge.get().endedAt() != null) {
			return ended(redirect);
		}
		return cancelPage(pledge.get(), new CancelForm(null, null, UUID.randomUUID().toString()), model);
	}

	@PostMapping("/account/pledges/{id}/cancel")
	String cancel(@PathVariable String id, @ModelAttribute("form") CancelForm form, BindingResult errors,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Pledge> pledge = pledge(principal, id);
		if (pledge.isEmpty()) {
			return notFound(response);
		}
		if (this.changes.alreadyAsked(supporterId(principal), key(form.key()))) {
			return "redirect:/account";
		}
		if (pledge.get().endedAt() != null) {
			return ended(redirect);
		}
		CancelReason reason = null;
		if (form.reason() != null && !form.reason().isEmpty()) {
			reason = Arrays.stream(CancelReason.values())
				.filter((candidate) -> candidate.code().equals(form.reason()))
				.findFirst()
				.orElse(null);
			if (reason == null) {
				errors.rejectValue("reason", "account.error.reason");
			}
		}
		String comment = (form.comment() != null) ? form.comment().strip() : "";
		if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
			errors.rejectValue("comment", "account.error.comment", new Object[] { MAX_COMMENT }, null);
		}
		UUID key = key(form.key());
		if (key == null) {
			errors.reject("support.error.out-of-date");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return cancelPage(pledge.get(), form, model);
		}
		try {
			if (this.changes.cancel(supporterId(principal), pledge.get(), reason, comment.isEmpty() ? null : comment,
					key)) {
				redirect.addFlashAttribute("notice", this.text.say("account.notice.canceled"));
			}
			return "redirect:/account";
		}
		catch (PledgeChangeRefusedException ex) {
			return refused(ex, redirect);
		}
		catch (PaymentProviderUnavailableException ex) {
			errors.reject(NOTHING_CHANGED);
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			model.addAttribute("freshKey", UUID.randomUUID().toString());
			return cancelPage(pledge.get(), form, model);
		}
	}

	@PostMapping("/account/pledges/{id}/resume")
	String resume(@PathVariable String id, @RequestParam(required = false) String key, Principal principal,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Pledge> pledge = pledge(principal, id);
		if (pledge.isEmpty()) {
			return notFound(response);
		}
		if (pledge.get().endedAt() != null) {
			return ended(redirect);
		}
		UUID formKey = key(key);
		if (this.changes.alreadyAsked(supporterId(principal), formKey)) {
			return "redirect:/account";
		}
		if (formKey == null) {
			redirect.addFlashAttribute("problem", this.text.say("account.error.stale"));
			return "redirect:/account";
		}
		try {
			if (this.changes.resume(supporterId(principal), pledge.get(), formKey)) {
				redirect.addFlashAttribute("notice", this.text.say("account.notice.resumed"));
			}
		}
		catch (PledgeChangeRefusedException ex) {
			return refused(ex, redirect);
		}
		catch (PaymentProviderUnavailableException ex) {
			redirect.addFlashAttribute("problem", this.text.say(NOTHING_CHANGED));
		}
		return "redirect:/account";
	}

	private Optional<PledgeTerms> validate(Pledge pledge, ChangeForm form, BindingResult errors) {
		BillingInterval interval = switch (String.valueOf(form.frequency())) {
			case "monthly" -> BillingInterval.MONTH;
			case "yearly" -> BillingInterval.YEAR;
			default -> {
				errors.rejectValue("frequency", "account.error.frequency");
				yield null;
			}
		};
		Currency currency = pledge.amount().currency();
		String option = (form.option() != null) ? form.option() : "";
		Tier tier = null;
		Money amount = null;
		if (option.startsWith("tier:")) {
			tier = this.catalog.tier(option.substring(5)).filter(Tier::active).orElse(null);
			if (tier == null) {
				errors.rejectValue("option", "support.error.tier-gone");
			}
			else if (interval != null) {
				amount = tier.price(currency.getCurrencyCode(), interval).orElse(null);
				if (amount == null) {
					errors.rejectValue(
							"option", "account.error.no-price", new Object[] {
									this.text.say("interval.adverb." + interval.name()), currency.getCurrencyCode() },
							null);
				}
			}
		}
		else if (option.equals("own")) {
			PledgeAmounts.AmountCheck check = this.amounts.check(form.ownAmount(), currency);
			if (check.error() != null) {
				check.reject(errors, "ownAmount");
			}
			amount = check.amount();
		}
		else {
			errors.rejectValue("option", "account.error.option");
		}
		if (key(form.key()) == null) {
			errors.reject("support.error.out-of-date");
		}
		if (errors.hasErrors() || amount == null || interval == null) {
			return Optional.empty();
		}
		String slug = (tier != null) ? tier.slug() : null;
		if (amount.equals(pledge.amount()) && interval == pledge.interval()
				&& Objects.equals(slug, this.changes.tierSlug(pledge))) {
			errors.reject("account.error.same");
			return Optional.empty();
		}
		String description = ((tier != null) ? tier.name() + ", " : "") + amount.formatted() + " "
				+ interval.adjective();
		return Optional.of(new PledgeTerms(slug, amount, interval, description));
	}

	/** The new terms in the reader's words, e.g. "Supporter, €12.00 monthly". */
	private String describe(PledgeTerms terms) {
		String tier = (terms.tierSlug() != null)
				? this.catalog.tier(terms.tierSlug()).map(Tier::name).orElse(terms.tierSlug()) : null;
		String amount = terms.amount().formatted() + " " + this.text.say("interval.adverb." + terms.interval().name());
		return (tier != null) ? tier + ", " + amount : amount;
	}

	private String choosePage(Pledge pledge, ChangeForm form, Model model) {
		String currency = pledge.amount().currency().getCurrencyCode();
		List<TierChoice> tiers = this.catalog.activeTiers()
			.stream()
			.map((tier) -> new TierChoice(tier.slug(), tier.name(),
					tier.price(currency, BillingInterval.MONTH).orElse(null),
					tier.price(currency, BillingInterval.YEAR).orElse(null), tier.yearlySaving(currency).orElse(null),
					this.catalog.benefits(tier.benefits())))
			.filter((tier) -> tier.monthly() != null || tier.yearly() != null)
			.toList();
		model.addAttribute("form", form);
		model.addAttribute("pledge", pledge);
		model.addAttribute("current", this.text.terms(pledge, this.catalog));
		model.addAttribute("tiers", tiers);
		model.addAttribute("currencySymbol", ReaderFormat.symbol(pledge.amount().currency(), Languages.current()));
		return "account/change";
	}

	private String cancelPage(Pledge pledge, CancelForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("pledge", pledge);
		model.addAttribute("current", this.text.terms(pledge, this.catalog));
		model.addAttribute("reasons", CancelReason.values());
		model.addAttribute("endsOn", (pledge.currentPeriodEnd() != null)
				? ReaderFormat.date(pledge.currentPeriodEnd(), Languages.current()) : null);
		model.addAttribute("maxComment", MAX_COMMENT);
		return "account/cancel";
	}

	private Optional<Pledge> pledge(Principal principal, String id) {
		UUID pledgeId = key(id);
		return (pledgeId != null) ? this.changes.recurringPledge(supporterId(principal), pledgeId) : Optional.empty();
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "account/no-such-pledge";
	}

	private String ended(RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", this.text.say("account.error.ended"));
		return "redirect:/account";
	}

	private String refused(PledgeChangeRefusedException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", this.text.say("account.refused." + ex.reason().name()));
		return "redirect:/account";
	}

	private static UUID key(String text) {
		if (text == null || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static UUID supporterId(Principal principal) {
		return UUID.fromString(principal.getName());
	}

	/** A tier as the change form offers it, with its prices in the pledge's currency. */
	record TierChoice(String slug, String name, Money monthly, Money yearly, Money yearlySaving,
			List<Benefit> benefits) {
	}

}
