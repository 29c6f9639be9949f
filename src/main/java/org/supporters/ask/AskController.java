package org.supporters.ask;

import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
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

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.platform.Languages;

/**
 * The asks for staff: everyone reads them and their results at {@code /staff/asks};
 * admins write them under {@code /staff/admin/asks} (the staff chain keeps those to
 * admins).
 */
@Controller
class AskController {

	private final Asks asks;

	private final AskReport report;

	private final Catalog catalog;

	private final Clock clock;

	AskController(Asks asks, AskReport report, Catalog catalog, Clock clock) {
		this.asks = asks;
		this.report = report;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/staff/asks")
	String list(Model model) {
		model.addAttribute("asks", this.asks.all());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("articles", this.report.topArticles());
		return "ask/asks";
	}

	@GetMapping("/staff/asks/{id}")
	String ask(@PathVariable String id, Model model) {
		Ask ask = ask(id);
		model.addAttribute("ask", ask);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("results", this.report.of(ask));
		model.addAttribute("ticker",
				(ask.ticker() != null) ? this.asks.progress(ask.ticker(), Languages.current()) : null);
		model.addAttribute("suggested",
				ask.variants()
					.stream()
					.collect(Collectors.toMap(Ask.Variant::key,
							(variant) -> variant.amounts()
								.stream()
								.map((minor) -> new Money(minor, currency()).formatted())
								.collect(Collectors.joining(", ")))));
		return "ask/ask";
	}

	@GetMapping("/staff/admin/asks/new")
	String newAsk(Model model) {
		return form(model, null, AskForm.blank(this.clock.instant(), this.catalog.currency()), Map.of());
	}

	@PostMapping("/staff/admin/asks")
	ModelAndView create(@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		return save(null, AskForm.from(fields), model, redirect);
	}

	@GetMapping("/staff/admin/asks/{id}")
	String edit(@PathVariable String id, Model model) {
		Ask ask = ask(id);
		return form(model, ask, AskForm.of(ask, currency()), Map.of());
	}

	@PostMapping("/staff/admin/asks/{id}")
	ModelAndView update(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
			RedirectAttributes redirect) {
		return save(ask(id), AskForm.from(fields), model, redirect);
	}

	@PostMapping("/staff/admin/asks/{id}/end")
	String end(@PathVariable String id, RedirectAttributes redirect) {
		Ask ask = ask(id);
		if (ask.ended(this.clock.instant())) {
			redirect.addFlashAttribute("notice", ask.name() + " had already ended.");
		}
		else {
			this.asks.endNow(ask);
			redirect.addFlashAttribute("notice", ask.name() + " has ended: readers no longer see it.");
		}
		return "redirect:/staff/asks/" + ask.id();
	}

	private ModelAndView save(Ask existing, AskForm form, Model model, RedirectAttributes redirect) {
		AskValidator.Result result = this.asks.save((existing != null) ? existing.id() : null, form);
		if (result.ask() == null) {
			String view = form(model, existing, form, result.errors());
			return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
		}
		redirect.addFlashAttribute("notice", "Saved " + result.ask().name() + ".");
		return new ModelAndView("redirect:/staff/asks/" + result.ask().id());
	}

	private String form(Model model, Ask ask, AskForm form, Map<String, String> errors) {
		model.addAttribute("ask", ask);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("currency", this.catalog.currency());
		model.addAttribute("placements", Placement.values());
		model.addAttribute("frequencies", Frequency.values());
		return "ask/form";
	}

	private Ask ask(String id) {
		try {
			return this.asks.find(UUID.fromString(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private Currency currency() {
		return Currency.getInstance(this.catalog.currency());
	}

}
