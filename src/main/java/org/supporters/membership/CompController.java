package org.supporters.membership;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.supporters.catalog.Catalog;
import org.supporters.staff.SignedInStaff;

/**
 * Admins give a supporter a tier until a date ("comp"), and take it back, from the
 * supporter's staff page; the membership service audits both.
 */
@Controller
class CompController {

	private final MembershipService memberships;

	private final Catalog catalog;

	private final SignedInStaff staff;

	private final Clock clock;

	CompController(MembershipService memberships, Catalog catalog, SignedInStaff staff, Clock clock) {
		this.memberships = memberships;
		this.catalog = catalog;
		this.staff = staff;
		this.clock = clock;
	}

	@PostMapping("/staff/admin/supporters/{id}/comps")
	ModelAndView grant(@PathVariable String id, @ModelAttribute("compForm") CompForm form,
			RedirectAttributes redirect) {
		UUID supporterId = supporter(id);
		Map<String, String> errors = form.errors((slug) -> this.catalog.tier(slug).isPresent(), this.clock.instant());
		if (!errors.isEmpty()) {
			// the supporter's page belongs to the reports: the form comes back on its own
			return new ModelAndView("membership/comp", Map.of("supporterId", supporterId, "tiers",
					this.catalog.allTiers(), "compForm", form, "compErrors", errors), HttpStatus.BAD_REQUEST);
		}
		this.memberships.grantComp(supporterId, form.tier().trim(), form.until(), form.reason().trim(),
				this.staff.id().orElseThrow());
		redirect.addFlashAttribute("notice", "Comp granted until the end of " + form.validUntil().trim() + ".");
		return new ModelAndView("redirect:/staff/supporters/" + supporterId);
	}

	@PostMapping("/staff/admin/supporters/{id}/comps/{compId}/revoke")
	ModelAndView revoke(@PathVariable String id, @PathVariable String compId, RedirectAttributes redirect) {
		UUID supporterId = supporter(id);
		UUID comp = uuid(compId);
		if (!this.memberships.hasComp(supporterId, comp)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		boolean revoked = this.memberships.revokeComp(comp, this.staff.id().orElseThrow());
		redirect.addFlashAttribute("notice", revoked ? "Comp revoked." : "That comp was revoked already.");
		return new ModelAndView("redirect:/staff/supporters/" + supporterId);
	}

	private UUID supporter(String id) {
		UUID supporterId = uuid(id);
		if (!this.memberships.isSupporter(supporterId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return supporterId;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
