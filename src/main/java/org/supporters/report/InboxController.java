package org.supporters.report;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.ProviderReconciliation;
import org.supporters.staff.AuditLog;

/**
 * Admins see provider events waiting or failing in the inbox, retry one, and see what
 * reconciliation with the provider found missing and put right.
 */
@Controller
class InboxController {

	private static final int SHOWN = 100;

	private final InboxHealthRepository health;

	private final ProviderEventInbox inbox;

	private final ProviderReconciliation reconciliation;

	private final AuditLog audit;

	InboxController(InboxHealthRepository health, ProviderEventInbox inbox, ProviderReconciliation reconciliation,
			AuditLog audit) {
		this.health = health;
		this.inbox = inbox;
		this.reconciliation = reconciliation;
		this.audit = audit;
	}

	@GetMapping("/staff/admin/inbox")
	@Transactional(readOnly = true)
	String inbox(Model model) {
		model.addAttribute("health", this.health.health(SHOWN));
		model.addAttribute("reconciled", this.reconciliation.runs());
		model.addAttribute("drift", this.reconciliation.recentDrift(SHOWN));
		return "report/inbox";
	}

	@PostMapping("/staff/admin/inbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		this.audit.record("inbox.retry", "provider_event:" + id, Map.of());
		boolean tried = this.inbox.retry(id);
		redirect.addFlashAttribute("notice", tried ? "Event " + id + " was tried again; see its state below."
				: "Event " + id + " is applied already or being applied.");
		return "redirect:/staff/admin/inbox";
	}

}
