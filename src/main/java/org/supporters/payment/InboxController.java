package org.supporters.payment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins see provider events waiting or failing in the inbox, retry one, and see what
 * reconciliation with the provider found missing and put right.
 */
@Controller
class InboxController {

	private static final int SHOWN = 100;

	private final InboxAdministration inbox;

	InboxController(InboxAdministration inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/staff/admin/inbox")
	String inbox(Model model) {
		InboxAdministration.Overview overview = this.inbox.overview(SHOWN);
		model.addAttribute("health", overview.health());
		model.addAttribute("reconciled", overview.reconciled());
		model.addAttribute("drift", overview.drift());
		return "payment/inbox";
	}

	@PostMapping("/staff/admin/inbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		boolean tried = this.inbox.retry(id);
		redirect.addFlashAttribute("notice", tried ? "Event " + id + " was tried again; see its state below."
				: "Event " + id + " is applied already or being applied.");
		return "redirect:/staff/admin/inbox";
	}

}
