package org.supporters.account;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

import org.supporters.platform.SupportersProperties;

/**
 * The pages that know the signed-in reader (sign-in, account, the membership JSON) read
 * the session; the platform's catch-all chain stays stateless. The membership JSON is
 * open to the news site's origins with credentials, and to no other origin.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

	static final String MEMBERSHIP_API = "/api/v1/membership";

	/** The same policy as the platform's pages: no inline scripts or styles. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
			+ "form-action 'self' https://checkout.stripe.com https://billing.stripe.com";

	@Bean
	@Order(30)
	SecurityFilterChain readerChain(HttpSecurity http, SupportersProperties properties) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.secure(properties.secureCookies()).sameSite("Lax"));
		http.securityMatcher("/account", "/account/**", "/sign-in", "/sign-in/**", MEMBERSHIP_API)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/account", "/account/**")
				.hasAuthority(ReaderSignIn.READER)
				.anyRequest()
				.permitAll())
			.cors((cors) -> cors.configurationSource(membershipCors(properties)))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"))
				.accessDeniedHandler((request, response, denied) -> {
					response.setStatus(HttpServletResponse.SC_FORBIDDEN);
					request.setAttribute("message", (denied instanceof CsrfException)
							? "This form has expired or did not come from this site. Go back, reload the page and try again."
							: "You may not do that.");
					request.getRequestDispatcher("/error/forbidden").forward(request, response);
				}))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/** The session cookie: HttpOnly, SameSite=Lax, Secure on https, kept for a month. */
	@Bean
	CookieSerializer sessionCookie(SupportersProperties properties) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName("SESSION");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setUseSecureCookie(properties.secureCookies());
		serializer.setCookieMaxAge((int) ReaderSignIn.SESSION_LIFETIME.toSeconds());
		return serializer;
	}

	private static UrlBasedCorsConfigurationSource membershipCors(SupportersProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.copyOf(properties.siteOrigins()));
		cors.setAllowedMethods(List.of("GET"));
		cors.setAllowedHeaders(List.of("Accept"));
		cors.setAllowCredentials(true);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(MEMBERSHIP_API, cors);
		return source;
	}

	/** Writes the CSRF cookie before the page streams, as the platform chain does. */
	private static final class CsrfCookieFilter extends OncePerRequestFilter {

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
