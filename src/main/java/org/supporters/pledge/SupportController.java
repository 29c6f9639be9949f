package org.supporters.pledge;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.supporters.account.ReaderSignIn;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.lifecycle.ReaderLocales;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.PaymentProviderUnavailableException;
import org.supporters.payment.ReturnConfirmation;
import org.supporters.catalog.Tier;
import org.supporters.platform.EmailAddresses;
import org.supporters.platform.Languages;
import org.supporters.platform.ReaderFormat;
import org.supporters.platform.ReturnUrls;
import org.supporters.pledge.CheckoutRepository.Checkout;
import org.supporters.pledge.CurrencyChoice.Chosen;

/**
 * The support page, the start of a checkout, and the thank-you page a reader returns to.
 */
@Controller
class SupportController {

	private static final Logger logger = LoggerFactory.getLogger(SupportController.class);

	private final Catalog catalog;

	private final PledgeFormValidator validator;

	private final Checkouts checkouts;

	private final PaymentProvider provider;

	private final PledgeProperties limits;

	private final ReaderSignIn readers;

	private final ReturnUrls returnUrls;

	private final CheckoutBrowser browsers;

	private final ReaderLocales readerLocales;

	private final List<AskPrefills> askPrefills;

	private final ReaderCurrencies currencies;

	SupportController(Catalog catalog, PledgeFormValidator validator, Checkouts checkouts, PaymentProvider provider,
			PledgeProperties limits, ReaderSignIn readers, ReturnUrls returnUrls, CheckoutBrowser browsers,
			ReaderLocales readerLocales, List<AskPrefills> askPrefills, ReaderCurrencies currencies) {
		this.currencies = currencies;
		this.readerLocales = readerLocales;
		this.askPrefills = askPrefills;
		this.readers = readers;
		this.returnUrls = returnUrls;
		this.browsers = browsers;
		this.catalog = catalog;
		this.validator = validator;
		this.checkouts = checkouts;
		this.provider = provider;
		this.limits = limits;
	}

	@GetMapping("/support")
	String supportPage(@RequestParam(name = "checkout", required = false) UUID checkoutId,
			@RequestParam(name = "return", required = false) String returnUrl,
			@RequestParam(name = "currency", required = false) String picked,
			@RequestParam Map<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Checkout> canceled = (checkoutId != null) ? this.checkouts.find(checkoutId) : Optional.empty();
		// a canceled checkout comes back in its own currency, when that is still offered
		Chosen chosen = canceled
			.map((checkout) -> this.currencies.choose(request, checkout.amount().currency().getCurrencyCode()))
			.filter((choice) -> !choice.refused())
			.orElseGet(() -> this.currencies.choose(request, picked));
		if (chosen.source() == CurrencyChoice.Source.PICKED && picked != null) {
			this.currencies.remember(chosen.currency(), request, response);
		}
		model.addAttribute("currencyRefused", chosen.refused());
		// a canceled checkout keeps what brought the reader
		Attribution asked = canceled.map(Checkout::attribution)
			.orElseGet(() -> attribution(parameters, request.getHeader("Referer")));
		Optional<AskPrefill> prefill = prefill(asked, chosen.currency());
		Attribution attribution = prefill.isPresent() ? asked : asked.withoutAsk();
		PledgeForm form = canceled
			.map((checkout) -> formFor(checkout, this.browsers.startedHere(checkout.id(), request), chosen.currency()))
			.orElseGet(() -> prefill.map((ask) -> new PledgeForm(ask.frequency(), null, null, null, null, newAttempt()))
				.orElseGet(() -> prefilled(parameters)));
		model.addAttribute("form", notOfferedTier(form, chosen.currency(), model));
		askAmounts(model, attribution, prefill, chosen.currency());
		// a canceled checkout goes back where it was started from
		model.addAttribute("returnUrl",
				this.returnUrls.allowed(canceled.map(Checkout::returnUrl).orElse(returnUrl)).orElse(null));
		return page(model, chosen.currency());
	}

	@PostMapping("/support")
	String startCheckout(@ModelAttribute("form") PledgeForm form, BindingResult errors,
			@RequestParam(name = "return", required = false) String requestedReturn, Locale locale,
			@RequestParam(name = "currency", required = false) String currencyField,
			@RequestParam Map<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String returnUrl = this.returnUrls.allowed(requestedReturn).orElse(null);
		model.addAttribute("returnUrl", returnUrl);
		// the currency the reader saw the prices in; a form without one (sent by hand)
		// is in the currency the page would show
		Chosen chosen = this.currencies.choose(request,
				(currencyField != null && !currencyField.isBlank()) ? currencyField : null);
		String currency = chosen.currency();
		if (chosen.refused()) {
			errors.reject("currency.notOffered", new Object[] { currency }, null);
		}
		// the form carries what brought the reader in hidden fields (a "referrer" among
		// them)
		Attribution asked = attribution(parameters, null);
		Optional<AskPrefill> prefill = prefill(asked, currency);
		Attribution attribution = prefill.isPresent() ? asked : asked.withoutAsk();
		askAmounts(model, attribution, prefill, currency);
		Optional<PledgeChoice> choice = this.validator.validate(form, errors,
				prefill.map(AskPrefill::amounts).orElse(List.of()), Currency.getInstance(currency));
		if (choice.isEmpty() || chosen.refused()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(model, currency);
		}
		// the reader's mails are written in the language they pledged in
		this.readerLocales.remember(choice.get().email(), locale);
		Checkouts.Start start;
		try {
			start = this.checkouts.start(choice.get(), form.attempt(), returnUrl, attribution);
		}
		catch (PaymentProviderUnavailableException ex) {
			// not the message: a provider's error text may quote the reader's details
			logger.warn("A checkout could not be started: the payment provider failed ({})",
					(ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "no answer in time");
			// the same form sent again reuses this checkout
			errors.reject("support.error.provider");
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return page(model, currency);
		}
		if (start.expired()) {
			model.addAttribute("form", new PledgeForm(form.frequency(), form.option(), form.ownAmount(), form.email(),
					form.name(), newAttempt()));
			model.addAttribute("formExpired", true);
			return page(model, currency);
		}
		this.browsers.mark(start.checkoutId(), response);
		return "redirect:" + start.redirectUrl();
	}

	@GetMapping("/support/thanks/{checkoutId}")
	String thanks(@PathVariable UUID checkoutId, @RequestParam Map<String, String> parameters, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Checkout checkout = this.checkouts.find(checkoutId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// the article the checkout was started from; else a return given to this page
		model.addAttribute("returnUrl",
				this.returnUrls
					.allowed((checkout.returnUrl() != null) ? checkout.returnUrl() : parameters.get("return"))
					.orElse(null));
		// asked even when a webhook completed the checkout first: only a return the
		// provider signs (the reader's own browser) signs the reader in
		ReturnConfirmation confirmation = this.provider.confirmReturn(checkoutId, parameters);
		if (!checkout.completed()) {
			if (confirmation == ReturnConfirmation.INVALID) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return "pledge/not-confirmed";
			}
			checkout = this.checkouts.find(checkoutId).orElseThrow();
		}
		boolean signedIn = confirmation == ReturnConfirmation.PAID && checkout.completed()
				&& this.checkouts.claimSignIn(checkoutId)
				&& this.readers.signInAfterCheckout(checkout.email(), request, response);
		model.addAttribute("signedIn", signedIn);
		model.addAttribute("checkout", checkout);
		// the email and name only for the browser that paid (or its signed-in reader)
		model.addAttribute("personal", signedIn || this.browsers.startedHere(checkoutId, request));
		model.addAttribute("completed", checkout.completed());
		Tier tier = (checkout.tierSlug() != null) ? this.catalog.tier(checkout.tierSlug()).orElse(null) : null;
		model.addAttribute("tier", tier);
		model.addAttribute("benefits", (tier != null) ? this.catalog.benefits(tier.benefits()) : List.of());
		return "pledge/thanks";
	}

	/**
	 * The page in one currency: only the tiers with prices in it, its one-off amounts,
	 * and the picker of the currencies on offer.
	 */
	private String page(Model model, String currency) {
		model.addAttribute("tiers",
				this.catalog.activeTiers()
					.stream()
					.map((tier) -> TierOption.of(tier, currency, this.catalog.benefits(tier.benefits())))
					.filter(TierOption::offered)
					.toList());
		model.addAttribute("presets",
				this.limits.presetsFor(currency)
					.stream()
					.map((minor) -> new Money(minor, Currency.getInstance(currency)))
					.toList());
		model.addAttribute("currencySymbol", ReaderFormat.symbol(Currency.getInstance(currency), Languages.current()));
		model.addAttribute("currency", currency);
		Locale locale = Languages.current();
		model.addAttribute("currencies",
				this.catalog.offeredCurrencies()
					.stream()
					.map((code) -> new CurrencyOption(code, Currency.getInstance(code).getDisplayName(locale)))
					.toList());
		return "pledge/support";
	}

	/**
	 * A link's tier that has no price in the reader's currency is not chosen; the page
	 * says so.
	 */
	private PledgeForm notOfferedTier(PledgeForm form, String currency, Model model) {
		if (form.option() == null || !form.option().startsWith("tier:")) {
			return form;
		}
		Optional<Tier> tier = this.catalog.tier(form.option().substring(5)).filter(Tier::active);
		if (tier.isEmpty() || tier.get().soldIn(currency)) {
			return form;
		}
		model.addAttribute("tierNotOffered", tier.get().name());
		return new PledgeForm(form.frequency(), null, form.ownAmount(), form.email(), form.name(), form.attempt());
	}

	/** A currency in the page's picker. */
	record CurrencyOption(String code, String name) {
	}

	private Attribution attribution(Map<String, String> parameters, String referer) {
		return Attribution.from(parameters, referer, (address) -> this.returnUrls.allowed(address).orElse(null));
	}

	/** An ask's amounts are in the default currency: offered only in it. */
	private Optional<AskPrefill> prefill(Attribution attribution, String currency) {
		return (attribution.ask() == null || !currency.equals(this.catalog.currency())) ? Optional.empty()
				: this.askPrefills.stream()
					.flatMap((asks) -> asks.find(attribution.ask(), attribution.variant()).stream())
					.findFirst();
	}

	/**
	 * The ask's suggested amounts, offered for every frequency, and the fields that carry
	 * it.
	 */
	private void askAmounts(Model model, Attribution attribution, Optional<AskPrefill> prefill, String code) {
		Currency currency = Currency.getInstance(code);
		model.addAttribute("askAmounts",
				prefill.map(AskPrefill::amounts)
					.orElse(List.of())
					.stream()
					.map((minor) -> new Money(minor, currency))
					.toList());
		model.addAttribute("attribution", attribution.parameters());
	}

	/**
	 * The canceled checkout's choice again; its email and name only for its own browser.
	 */
	private PledgeForm formFor(Checkout checkout, boolean startedHere, String currency) {
		String frequency = (checkout.interval() == null) ? "one-off" : checkout.interval().adjective();
		String option;
		String ownAmount = null;
		if (checkout.tierSlug() != null) {
			option = "tier:" + checkout.tierSlug();
		}
		else if (checkout.interval() == null && checkout.amount().currency().getCurrencyCode().equals(currency)
				&& this.limits.presetsFor(currency).contains(checkout.amount().minor())) {
			option = "preset:" + checkout.amount().minor();
		}
		else {
			option = "own";
			ownAmount = checkout.amount().major().toPlainString();
		}
		return startedHere
				? new PledgeForm(frequency, option, ownAmount, checkout.email(), checkout.name(), newAttempt())
				: new PledgeForm(frequency, option, ownAmount, null, null, newAttempt());
	}

	/**
	 * A link may fill in the form (the move from Patreon's invitations do):
	 * {@code email}, {@code interval} (monthly or yearly), and {@code tier} (a slug on
	 * offer) or {@code amount} (an own amount). Anything else is left blank.
	 */
	private PledgeForm prefilled(Map<String, String> prefill) {
		String email = prefill.get("email");
		email = (email != null && EmailAddresses.isValid(email.trim())) ? email.trim() : null;
		String interval = prefill.get("interval");
		String frequency = ("monthly".equals(interval) || "yearly".equals(interval)) ? interval : null;
		String tier = prefill.get("tier");
		String amount = prefill.get("amount");
		String option = null;
		String ownAmount = null;
		if (tier != null && this.catalog.tier(tier).filter(Tier::active).isPresent()) {
			option = "tier:" + tier;
		}
		else if (amount != null && amount.matches("\\d{1,7}([.,]\\d{1,2})?")) {
			option = "own";
			ownAmount = amount;
		}
		if (email == null && frequency == null && option == null) {
			return PledgeForm.blank(newAttempt());
		}
		return new PledgeForm((frequency != null) ? frequency : "monthly", option, ownAmount, email, null,
				newAttempt());
	}

	private static String newAttempt() {
		return UUID.randomUUID().toString();
	}

}
