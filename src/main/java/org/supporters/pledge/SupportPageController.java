package org.supporters.pledge;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.supporters.catalog.Catalog;

@Controller
class SupportPageController {

	private final Catalog catalog;

	SupportPageController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/support")
	String supportPage(Model model) {
		String currency = this.catalog.currency();
		model.addAttribute("tiers",
				this.catalog.activeTiers()
					.stream()
					.map((tier) -> TierOption.of(tier, currency))
					.filter(TierOption::offered)
					.toList());
		return "pledge/support";
	}

}
