package org.supporters.catalog;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins list the currencies tiers can have prices in, and offer each to readers or not.
 * The default currency is always offered.
 */
@Controller
class CurrencyAdminController {

	private final Catalog catalog;

	CurrencyAdminController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/staff/admin/currencies")
	String currencies(Model model) {
		return page(model);
	}

	@PostMapping("/staff/admin/currencies")
	ModelAndView add(@RequestParam(defaultValue = "") String code, Model model, RedirectAttributes redirect) {
		String typed = code.strip();
		Optional<Currency> currency = (typed.length() == 3) ? CurrencyCodes.parse(typed.toUpperCase(Locale.ROOT))
				: Optional.empty();
		String error = null;
		if (currency.isEmpty()) {
			error = "Enter a currency's three-letter ISO 4217 code, e.g. GBP or USD.";
		}
		else if (!this.catalog.addCurrency(currency.get())) {
			error = currency.get().getCurrencyCode() + " is listed already.";
		}
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("code", (typed.length() <= 20) ? typed : "");
			return new ModelAndView(page(model), model.asMap(), HttpStatus.BAD_REQUEST);
		}
		redirect.addFlashAttribute("notice", "Listed " + currency.get().getCurrencyCode()
				+ ": give the tiers prices in it, then offer it to readers.");
		return new ModelAndView("redirect:/staff/admin/currencies");
	}

	@PostMapping("/staff/admin/currencies/{code}/offered")
	String offered(@PathVariable String code, @RequestParam(defaultValue = "") String offered,
			RedirectAttributes redirect) {
		CurrencyOffer currency = this.catalog.currencies()
			.stream()
			.filter((listed) -> listed.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (currency.byDefault()) {
			redirect.addFlashAttribute("notice",
					code + " is the default currency (SUPPORTERS_CATALOG_CURRENCY) " + "and is always offered.");
			return "redirect:/staff/admin/currencies";
		}
		boolean offer = Boolean.parseBoolean(offered);
		this.catalog.setOffered(Currency.getInstance(code), offer);
		redirect.addFlashAttribute("notice",
				offer ? "Readers can now choose " + code + "." : code + " is no longer offered; pledges in it go on.");
		return "redirect:/staff/admin/currencies";
	}

	private String page(Model model) {
		model.addAttribute("currencies", this.catalog.currencies());
		// how many offered tiers each currency has prices for: none means readers who
		// choose it see only their own amount and one-off amounts
		model.addAttribute("priced",
				this.catalog.activeTiers()
					.stream()
					.flatMap((tier) -> tier.prices().keySet().stream())
					.collect(Collectors.groupingBy((code) -> code, Collectors.counting())));
		return "catalog/currencies";
	}

}
