package org.supporters.platform;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place that screens what a client sends before anything reads it: parameters
 * that are not UTF-8, text PostgreSQL cannot store (a NUL character) or that is not
 * Unicode (an unpaired surrogate) in a parameter, the path or a header, and a client
 * address a trusted proxy forwarded that is not an address. Each is the client's mistake:
 * it gets a 400 that says what is wrong (a page for people in their language, a
 * ProblemDetail for programs in English, through {@link ErrorPages}; the words are the
 * bundles' {@code error.input.*}) and one WARN line, never a 5xx from deep in the
 * service.
 */
class ClientInputFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(ClientInputFilter.class);

	/**
	 * An IPv4 or IPv6 literal as Tomcat gives it (a link-local one with its zone): its
	 * characters only, and short enough for every column that keeps an address.
	 */
	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z_.-]{1,32})?");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DefaultMessageSourceResolvable problem = problem(request);
		if (problem != null) {
			String path = request.getRequestURI();
			logger.warn("Refused {} {}: {}", request.getMethod(),
					(path.length() > 200) ? path.substring(0, 200) + "…" : path, problem.getDefaultMessage());
			request.setAttribute(ErrorPages.MESSAGE, problem);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static DefaultMessageSourceResolvable problem(HttpServletRequest request) {
		if (!ADDRESS.matcher(request.getRemoteAddr()).matches()) {
			return problem("address",
					"The client address forwarded by the proxy (X-Forwarded-For) is not an IP address.");
		}
		for (String name : Collections.list(request.getHeaderNames())) {
			if (!StorableText.isStorable(name)) {
				return problem("header-name", "A header name holds a character that is not allowed.");
			}
			for (String value : Collections.list(request.getHeaders(name))) {
				if (!StorableText.isStorable(value)) {
					return problem("header",
							"The header '" + name + "' holds a character that is not allowed (a NUL character).", name);
				}
			}
		}
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		if (!StorableText.isStorable(path)) {
			return problem("path", "The address holds a character that is not allowed (a NUL character).");
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException: bytes that are not UTF-8, or too many
			// parameters
			return problem("parameters", "The parameters of this request could not be read: they must be UTF-8 text.");
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (!StorableText.isStorable(parameter.getKey())) {
				return problem("field-name", "A field name holds a character that is not allowed.");
			}
			for (String value : parameter.getValue()) {
				if (!StorableText.isStorable(value)) {
					return problem("field",
							"The field '" + parameter.getKey() + "' holds a character that cannot be stored "
									+ "(a NUL character or broken Unicode). Go back, remove it and try again.",
							parameter.getKey());
				}
			}
		}
		return null;
	}

	/**
	 * The words {@code error.input.<key>} of the bundles, with the field or header named;
	 * the default message is the English words, for the log.
	 */
	private static DefaultMessageSourceResolvable problem(String key, String logged, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { "error.input." + key }, arguments, logged);
	}

}
