package org.supporters.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every chain serving readers' pages applies: CSRF on every form with the token in a
 * cookie (so readers need no server session for it), strict headers (a CSP without inline
 * scripts or styles, no framing), and a friendly page for a stale or forged form.
 */
public final class PageSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
			+ "form-action 'self' https://checkout.stripe.com https://billing.stripe.com";

	private PageSecurity() {
	}

	public static HttpSecurity apply(HttpSecurity http, SupportersProperties properties) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.secure(properties.secureCookies()).sameSite("Lax"));
		return strictHeaders(http).csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(staleFormHandler()));
	}

	/**
	 * The headers every answer carries, pages and JSON alike (a JSON answer opened in a
	 * browser is a page too): the CSP, no framing, the referrer policy, and Spring
	 * Security's defaults (nosniff, no caching, HSTS on https).
	 */
	public static HttpSecurity strictHeaders(HttpSecurity http) throws Exception {
		return http
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
	}

	/**
	 * A missing or wrong CSRF token is a stale or forged form: say so, without a trace.
	 */
	private static AccessDeniedHandler staleFormHandler() {
		return (request, response, denied) -> {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			// words from the bundles, in the reader's language (ErrorPages)
			MessageSourceResolvable message = new DefaultMessageSourceResolvable(
					(denied instanceof CsrfException) ? "error.forbidden.stale-form" : "error.forbidden.default");
			request.setAttribute("message", message);
			request.getRequestDispatcher("/error/forbidden").forward(request, response);
		};
	}

	/**
	 * Writes the CSRF cookie before the page starts streaming, so a form rendered late in
	 * a long page still has its token. JSON answers carry no forms: they get no token.
	 */
	private static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
