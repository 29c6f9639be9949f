package org.supporters.staff;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in, and the admin pages for staff users and the audit log. */
@Controller
class StaffController {

	private static final int AUDIT_PAGE_SIZE = 100;

	private final StaffUsers users;

	private final AuditLog audit;

	private final StaffProperties properties;

	private final SignedInStaff signedIn;

	StaffController(StaffUsers users, AuditLog audit, StaffProperties properties, SignedInStaff signedIn) {
		this.users = users;
		this.signedIn = signedIn;
		this.audit = audit;
		this.properties = properties;
	}

	@GetMapping("/staff/login")
	String login(Model model) {
		model.addAttribute("maxFailedAttempts", this.properties.maxFailedAttempts());
		model.addAttribute("lockoutMinutes", this.properties.lockout().toMinutes());
		return "staff/login";
	}

	/** Where refused staff requests are forwarded, whatever their method. */
	@RequestMapping("/staff/forbidden")
	ModelAndView forbidden(HttpServletRequest request) {
		Object message = request.getAttribute("message");
		return new ModelAndView("error/forbidden",
				Map.of("message", (message != null) ? message : "You may not do that."), HttpStatus.FORBIDDEN);
	}

	@GetMapping("/staff/admin/staff")
	String staffUsers(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", NewStaffForm.empty());
		}
		model.addAttribute("staffUsers", this.users.all());
		return "staff/users";
	}

	@PostMapping("/staff/admin/staff")
	String add(@Valid @ModelAttribute("form") NewStaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors() && this.users.add(form).isEmpty()) {
			errors.rejectValue("email", "taken", "There is already a staff user with this email address.");
		}
		if (errors.hasErrors()) {
			model.addAttribute("staffUsers", this.users.all());
			return "staff/users";
		}
		redirect.addFlashAttribute("notice", "Added " + form.email().trim() + ".");
		return "redirect:/staff/admin/staff";
	}

	@PostMapping("/staff/admin/staff/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		StaffUser staff = this.users.byId(id).orElseThrow(NotFoundException::new);
		if (!enabled && this.signedIn.id().orElse(-1L) == id) {
			redirect.addFlashAttribute("notice", "You cannot disable yourself: ask another admin.");
			return "redirect:/staff/admin/staff";
		}
		this.users.setEnabled(id, enabled);
		redirect.addFlashAttribute("notice", (enabled ? "Enabled " : "Disabled ") + staff.email() + ".");
		return "redirect:/staff/admin/staff";
	}

	@GetMapping("/staff/admin/audit")
	String auditLog(@RequestParam(required = false) Long before, Model model) {
		var entries = this.audit.page(before, AUDIT_PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("nextBefore",
				(entries.size() == AUDIT_PAGE_SIZE) ? entries.get(entries.size() - 1).id() : null);
		return "staff/audit";
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFoundException extends RuntimeException {

	}

}
