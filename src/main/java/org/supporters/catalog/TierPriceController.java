package org.supporters.catalog;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.supporters.catalog.Catalog.CurrencyPrices;

/**
 * Admins set a tier's monthly and yearly price in each listed currency; a currency left
 * blank is one the tier is not sold in (readers choosing it do not see the tier). Fields
 * are named {@code monthly-GBP}, {@code yearly-GBP}.
 */
@Controller
class TierPriceController {

	private final Catalog catalog;

	private final PriceLimits limits;

	TierPriceController(Catalog catalog, PriceLimits limits) {
		this.catalog = catalog;
		this.limits = limits;
	}

	@GetMapping("/staff/admin/tiers/{id}/prices")
	String prices(@PathVariable long id, Model model) {
		Tier tier = tier(id);
		Map<String, String> values = new LinkedHashMap<>();
		for (CurrencyOffer currency : this.catalog.currencies()) {
			for (BillingInterval interval : BillingInterval.values()) {
				tier.price(currency.code(), interval)
					.ifPresent((price) -> values.put(field(interval, currency.code()), TierForm.plain(price)));
			}
		}
		return page(model, tier, values, Map.of());
	}

	@PostMapping("/staff/admin/tiers/{id}/prices")
	ModelAndView save(@PathVariable long id, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Tier tier = tier(id);
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		List<CurrencyPrices> prices = new ArrayList<>();
		for (CurrencyOffer offer : this.catalog.currencies()) {
			Currency currency = Currency.getInstance(offer.code());
			String monthlyField = field(BillingInterval.MONTH, offer.code());
			String yearlyField = field(BillingInterval.YEAR, offer.code());
			String monthly = parameters.getOrDefault(monthlyField, "").strip();
			String yearly = parameters.getOrDefault(yearlyField, "").strip();
			values.put(monthlyField, (monthly.length() <= 40) ? monthly : "");
			values.put(yearlyField, (yearly.length() <= 40) ? yearly : "");
			if (monthly.isEmpty() && yearly.isEmpty() && !offer.byDefault()) {
				prices.add(new CurrencyPrices(currency, null, null));
				continue;
			}
			Money maximum = this.limits.maximum(currency);
			Money monthlyPrice = TierForm.price(monthlyField, monthly, currency, maximum, errors);
			Money yearlyPrice = TierForm.price(yearlyField, yearly, currency, maximum, errors);
			if (monthlyPrice != null && yearlyPrice != null) {
				prices.add(new CurrencyPrices(currency, monthlyPrice, yearlyPrice));
			}
		}
		if (!errors.isEmpty()) {
			return new ModelAndView(page(model, tier, values, errors), model.asMap(), HttpStatus.BAD_REQUEST);
		}
		this.catalog.setPrices(tier, prices);
		redirect.addFlashAttribute("notice", "Saved the prices of " + tier.name() + ".");
		return new ModelAndView("redirect:/staff/admin/tiers/" + id + "/prices");
	}

	private String page(Model model, Tier tier, Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("tier", tier);
		model.addAttribute("currencies", this.catalog.currencies());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "catalog/tier-prices";
	}

	static String field(BillingInterval interval, String currency) {
		return interval.adjective() + "-" + currency;
	}

	private Tier tier(long id) {
		return this.catalog.tier(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
