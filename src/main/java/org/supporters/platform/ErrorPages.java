package org.supporters.platform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the servlet container sees ends here: people get a friendly page, programs
 * a ProblemDetail. Neither ever shows a stack trace.
 */
@Controller
@RequestMapping("/error")
class ErrorPages implements ErrorController {

	/**
	 * A request attribute with what to tell the client about its mistake, in words fit
	 * for a page and a ProblemDetail alike; never the exception's message. Words, or a
	 * {@link MessageSourceResolvable} of the bundles: the page is then in the reader's
	 * language, the ProblemDetail in English.
	 */
	static final String MESSAGE = ErrorPages.class.getName() + ".message";

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(path = "/forbidden", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView forbidden(HttpServletRequest request, Locale locale) {
		// set by the chains' access-denied handlers (words, or their key in the bundles);
		// absent when someone opens the page
		Object message = request.getAttribute("message");
		String text = (message instanceof MessageSourceResolvable resolvable)
				? this.messages.getMessage(resolvable, locale) : (message != null) ? message.toString()
						: this.messages.getMessage("error.forbidden.default", null, locale);
		return new ModelAndView("error/forbidden", Map.of("message", text), HttpStatus.FORBIDDEN);
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, Locale locale) {
		HttpStatus status = status(request);
		String view = status == HttpStatus.NOT_FOUND ? "error/404" : "error/error";
		Map<String, Object> model = new HashMap<>(Map.of("status", status.value(), "reason", status.getReasonPhrase()));
		Object message = request.getAttribute(MESSAGE);
		if (message != null) {
			model.put("message", text(message, locale));
		}
		return new ModelAndView(view, model, status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		Object message = request.getAttribute(MESSAGE);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(message != null) ? text(message, Locale.ENGLISH) : detail(status));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.setProperty("path", path.toString());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String text(Object message, Locale locale) {
		return (message instanceof MessageSourceResolvable resolvable) ? this.messages.getMessage(resolvable, locale)
				: message.toString();
	}

	private static String detail(HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			return "There is nothing at this address.";
		}
		if (status.is5xxServerError()) {
			return "Something went wrong on our side. Please try again in a moment.";
		}
		return status.getReasonPhrase();
	}

	/**
	 * The status of the error being shown; 404 when someone opens /error itself, as there
	 * is no error to show.
	 */
	private static HttpStatus status(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			return HttpStatus.NOT_FOUND;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
