package org.supporters.report;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.supporters.catalog.Catalog;
import org.supporters.membership.MembershipService;
import org.supporters.staff.AuditLog;
import org.supporters.staff.SignedInStaff;

/** Admins give a supporter a tier until a date ("comp"), and take it back. */
@Controller
class CompController {

	private final MembershipService memberships;

	private final SupporterPages supporters;

	private final Catalog catalog;

	private final AuditLog audit;

	private final SignedInStaff staff;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CompController(MembershipService memberships, SupporterPages supporters, Catalog catalog, AuditLog audit,
			SignedInStaff staff, TransactionTemplate transaction, Clock clock) {
		this.transaction = transaction;
		this.memberships = memberships;
		this.supporters = supporters;
		this.catalog = catalog;
		this.audit = audit;
		this.staff = staff;
		this.clock = clock;
	}

	@PostMapping("/staff/admin/supporters/{id}/comps")
	ModelAndView grant(@PathVariable String id, @ModelAttribute("compForm") CompForm form,
			RedirectAttributes redirect) {
		UUID supporterId = ReportController.uuid(id);
		SupporterDetail detail = this.supporters.detail(supporterId)
			.orElseThrow(ReportController.NotFoundException::new);
		Map<String, String> errors = form.errors((slug) -> this.catalog.tier(slug).isPresent(), this.clock.instant());
		if (!errors.isEmpty()) {
			return new ModelAndView("report/supporter",
					Map.of("detail", detail, "tiers", this.supporters.tiers(), "compForm", form, "compErrors", errors),
					HttpStatus.BAD_REQUEST);
		}
		long staffId = this.staff.id().orElseThrow();
		this.transaction.executeWithoutResult((status) -> {
			UUID compId = this.memberships.grantComp(supporterId, form.tier().trim(), form.until(),
					form.reason().trim(), staffId);
			this.audit.record("comp.grant", "supporter:" + supporterId, Map.of("comp", compId.toString(), "tier",
					form.tier().trim(), "until", form.until().toString(), "reason", form.reason().trim()));
		});
		redirect.addFlashAttribute("notice", "Comp granted until the end of " + form.validUntil().trim() + ".");
		return new ModelAndView("redirect:/staff/supporters/" + supporterId);
	}

	@PostMapping("/staff/admin/supporters/{id}/comps/{compId}/revoke")
	ModelAndView revoke(@PathVariable String id, @PathVariable String compId, RedirectAttributes redirect) {
		UUID supporterId = ReportController.uuid(id);
		UUID comp = ReportController.uuid(compId);
		SupporterDetail detail = this.supporters.detail(supporterId)
			.orElseThrow(ReportController.NotFoundException::new);
		if (detail.comps().stream().noneMatch((line) -> line.id().equals(comp))) {
			throw new ReportController.NotFoundException();
		}
		long staffId = this.staff.id().orElseThrow();
		boolean revoked = Boolean.TRUE.equals(this.transaction.execute((status) -> {
			boolean done = this.memberships.revokeComp(comp, staffId);
			if (done) {
				this.audit.record("comp.revoke", "supporter:" + supporterId, Map.of("comp", comp.toString()));
			}
			return done;
		}));
		redirect.addFlashAttribute("notice", revoked ? "Comp revoked." : "That comp was revoked already.");
		return new ModelAndView("redirect:/staff/supporters/" + supporterId);
	}

}
