package org.supporters.site;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins set how reader pages and mails present the publication. A form with any bad
 * field stores nothing and says what is wrong next to each field.
 */
@Controller
class SiteAdminController {

	private final Branding branding;

	SiteAdminController(Branding branding) {
		this.branding = branding;
	}

	@GetMapping("/staff/admin/site")
	String site(Model model) {
		StoredBrand stored = this.branding.stored();
		model.addAttribute("form", SiteForm.of(stored));
		model.addAttribute("current", this.branding.current());
		model.addAttribute("maxLogo", "512 KB");
		return "site/site";
	}

	@PostMapping("/staff/admin/site")
	ModelAndView save(@ModelAttribute("form") SiteForm form,
			@RequestParam(name = "logo", required = false) MultipartFile upload, RedirectAttributes redirect)
			throws IOException {
		Map<String, String> errors = new LinkedHashMap<>(form.errors());
		Logo logo = null;
		if (upload != null && !upload.isEmpty()) {
			LogoCheck.Result checked = (upload.getSize() > LogoCheck.MAX_BYTES)
					? LogoCheck.Result.refused(LogoCheck.TOO_LARGE) : LogoCheck.check(upload.getBytes());
			if (checked.problem() != null) {
				errors.put("logo", checked.problem());
			}
			logo = checked.logo();
		}
		if (!errors.isEmpty()) {
			return new ModelAndView("site/site",
					Map.of("form", form, "errors", errors, "current", this.branding.current(), "maxLogo", "512 KB"),
					HttpStatus.BAD_REQUEST);
		}
		this.branding.save(form, logo);
		redirect.addFlashAttribute("notice", "Saved. Reader pages and mails show it now.");
		return new ModelAndView("redirect:/staff/admin/site");
	}

}
