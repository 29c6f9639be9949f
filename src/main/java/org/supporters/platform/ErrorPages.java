package org.supporters.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
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

	@RequestMapping(path = "/forbidden", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView forbidden(HttpServletRequest request) {
		return new ModelAndView("error/forbidden", Map.of("message", request.getAttribute("message")),
				HttpStatus.FORBIDDEN);
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		String view = status == HttpStatus.NOT_FOUND ? "error/404" : "error/error";
		return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.setProperty("path", path.toString());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
