package org.supporters.catalog;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins word the benefits tiers give: a label and a one-line description for each slug,
 * shown wherever a person reads a benefit. The catalog audits every change.
 */
@Controller
class BenefitAdminController {

	private final Catalog catalog;

	BenefitAdminController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/staff/admin/benefits")
	String benefits(Model model) {
		model.addAttribute("benefits", this.catalog.allBenefits());
		model.addAttribute("form", BenefitForm.empty());
		return "catalog/benefits";
	}

	/** Adds a benefit, or changes the words of the one with this slug. */
	@PostMapping("/staff/admin/benefits")
	ModelAndView save(@ModelAttribute("form") BenefitForm form, RedirectAttributes redirect) {
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			boolean existing = form.slug() != null && this.catalog.allBenefits()
				.stream()
				.anyMatch((benefit) -> benefit.slug().equals(form.slug().trim()));
			return new ModelAndView("catalog/benefits",
					Map.of("benefits", this.catalog.allBenefits(), "form", existing ? BenefitForm.empty() : form,
							"edited", existing ? form : BenefitForm.empty(), "errors", errors),
					HttpStatus.BAD_REQUEST);
		}
		this.catalog.saveBenefit(form.benefit());
		redirect.addFlashAttribute("notice", "Saved " + form.label().trim() + ".");
		return new ModelAndView("redirect:/staff/admin/benefits");
	}

}
