package org.supporters.membership;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.supporters.staff.SignedInStaff;

/**
 * Admins make and revoke the API keys site servers use on the members API. A new key's
 * secret is shown in the answer to its creation and nowhere else: not in a redirect's
 * flash (that would store it in the session), not in the audit log.
 */
@Controller
class ApiKeyAdminController {

	private final ApiKeys keys;

	private final SignedInStaff staff;

	ApiKeyAdminController(ApiKeys keys, SignedInStaff staff) {
		this.keys = keys;
		this.staff = staff;
	}

	@GetMapping("/staff/admin/api-keys")
	String list(Model model) {
		model.addAttribute("keys", this.keys.all());
		return "membership/api-keys";
	}

	@PostMapping("/staff/admin/api-keys")
	String create(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response) {
		Optional<String> problem = ApiKeys.problemWithName(name);
		if (problem.isPresent()) {
			model.addAttribute("name", name);
			model.addAttribute("nameError", problem.get());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return list(model);
		}
		ApiKeys.CreatedKey created = this.keys.create(name, this.staff.id().orElse(null));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("created", created);
		return list(model);
	}

	@PostMapping("/staff/admin/api-keys/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		boolean revoked = this.keys.revoke(id);
		redirect.addFlashAttribute("notice", revoked ? "Revoked the key: it stops working at once."
				: "No live key has that id: it was revoked already, or never existed.");
		return "redirect:/staff/admin/api-keys";
	}

}
