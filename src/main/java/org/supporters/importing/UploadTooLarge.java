package org.supporters.importing;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than the server takes at all (the multipart limit, above the import's
 * own) gets the import page with a message, not an error page. It is the only upload of
 * the service.
 */
@ControllerAdvice
class UploadTooLarge {

	private final ImportController imports;

	UploadTooLarge(ImportController imports) {
		this.imports = imports;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(MaxUploadSizeExceededException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		String view = this.imports.imports(model);
		model.addAttribute("uploadError", "The file is larger than the import reads (" + model.getAttribute("maxSize")
				+ "). Split it into smaller files and import them one after the other.");
		return new ModelAndView(view, model.asMap());
	}

}
