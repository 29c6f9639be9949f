package org.supporters.catalog;

import java.util.Currency;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins create, edit, reorder and retire the tiers on offer; the catalog audits every
 * change.
 */
@Controller
class TierAdminController {

	private final Catalog catalog;

	private final PriceLimits limits;

	TierAdminController(Catalog catalog, PriceLimits limits) {
		this.catalog = catalog;
		this.limits = limits;
	}

	@GetMapping("/staff/admin/tiers")
	String tiers(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", TierForm.empty());
		}
		model.addAttribute("tiers", this.catalog.allTiers());
		model.addAttribute("currency", this.catalog.currency());
		return "catalog/tiers";
	}

	@PostMapping("/staff/admin/tiers")
	ModelAndView create(@ModelAttribute("form") TierForm form, RedirectAttributes redirect) {
		Map<String, String> errors = form.errors(currency(), this.limits.maximum(currency()));
		if (errors.isEmpty()) {
			if (this.catalog.createTier(form.change(currency())).isPresent()) {
				redirect.addFlashAttribute("notice", "Added the tier " + form.name().trim() + ".");
				return new ModelAndView("redirect:/staff/admin/tiers");
			}
			errors = Map.of("slug", "There is already a tier with this name in URLs; choose another.");
		}
		return new ModelAndView("catalog/tiers", Map.of("form", form, "errors", errors, "tiers",
				this.catalog.allTiers(), "currency", this.catalog.currency()), HttpStatus.BAD_REQUEST);
	}

	@GetMapping("/staff/admin/tiers/{id}")
	String edit(@PathVariable long id, Model model) {
		Tier tier = tier(id);
		model.addAttribute("tier", tier);
		model.addAttribute("form", TierForm.of(tier, this.catalog.currency()));
		model.addAttribute("currency", this.catalog.currency());
		return "catalog/tier";
	}

	@PostMapping("/staff/admin/tiers/{id}")
	ModelAndView update(@PathVariable long id, @ModelAttribute("form") TierForm submitted,
			RedirectAttributes redirect) {
		Tier tier = tier(id);
		// the slug names the tier in pledges, tokens and pages: it never changes
		TierForm form = new TierForm(tier.slug(), submitted.name(), submitted.description(), submitted.benefits(),
				submitted.monthly(), submitted.yearly());
		Map<String, String> errors = form.errors(currency(), this.limits.maximum(currency()));
		if (!errors.isEmpty()) {
			return new ModelAndView("catalog/tier",
					Map.of("tier", tier, "form", form, "errors", errors, "currency", this.catalog.currency()),
					HttpStatus.BAD_REQUEST);
		}
		this.catalog.updateTier(tier, form.change(currency()));
		redirect.addFlashAttribute("notice", "Saved " + form.name().trim() + ".");
		return new ModelAndView("redirect:/staff/admin/tiers");
	}

	@PostMapping("/staff/admin/tiers/{id}/move")
	String move(@PathVariable long id, @RequestParam(defaultValue = "") String direction) {
		Tier tier = tier(id);
		if (!direction.equals("up") && !direction.equals("down")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Move a tier up or down.");
		}
		this.catalog.moveTier(tier, direction.equals("up"));
		return "redirect:/staff/admin/tiers";
	}

	@PostMapping("/staff/admin/tiers/{id}/offered")
	String offered(@PathVariable long id, @RequestParam(defaultValue = "") String offered,
			RedirectAttributes redirect) {
		Tier tier = tier(id);
		boolean offer = Boolean.parseBoolean(offered);
		this.catalog.setOffered(tier, offer);
		redirect.addFlashAttribute("notice", offer ? tier.name() + " is offered again."
				: tier.name() + " is retired: no longer offered; its supporters keep their pledges.");
		return "redirect:/staff/admin/tiers";
	}

	private Tier tier(long id) {
		return this.catalog.tier(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Currency currency() {
		return Currency.getInstance(this.catalog.currency());
	}

}
