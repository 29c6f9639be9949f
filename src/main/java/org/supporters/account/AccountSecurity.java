package org.supporters.account;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import org.supporters.platform.PageSecurity;
import org.supporters.platform.SupportersProperties;

/**
 * The pages that know the signed-in reader (sign-in, account, the membership JSON) read
 * the session; the platform's catch-all chain stays stateless. The membership JSON is
 * open to the news site's origins with credentials, and to no other origin; its chain
 * keeps only what a JSON answer needs: no CSRF token, no saved request, no session
 * created, and the session read only when the membership cookie cannot answer.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

	static final String MEMBERSHIP_API = "/api/v1/membership";

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@Bean
	@Order(29)
	SecurityFilterChain membershipApiChain(HttpSecurity http, SupportersProperties properties) throws Exception {
		// the session's security context is loaded only when the controller asks for the
		// reader (request.getUserPrincipal()), and no session is ever created here
		PageSecurity.strictHeaders(http)
			.securityMatcher(MEMBERSHIP_API)
			.cors((cors) -> cors.configurationSource(membershipCors(properties)))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			// no session management filter: it would read the session on every request to
			// check that it is still valid
			.sessionManagement((sessions) -> sessions.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

	@Bean
	@Order(30)
	SecurityFilterChain readerChain(HttpSecurity http, SupportersProperties properties) throws Exception {
		PageSecurity.apply(http, properties)
			.securityMatcher("/account", "/account/**", "/sign-in", "/sign-in/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/account", "/account/**")
				.hasAuthority(ReaderSignIn.READER)
				.anyRequest()
				.permitAll())
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")));
		return http.build();
	}

	/** The session cookie: HttpOnly, SameSite=Lax, Secure on https, kept for a month. */
	@Bean
	CookieSerializer sessionCookie(SupportersProperties properties) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer() {

			/**
			 * Only values that can be a session id (a UUID) are looked up: anything else
			 * (e.g. a value that decodes to NUL bytes) is no session, not a database
			 * error.
			 */
			@Override
			public List<String> readCookieValues(HttpServletRequest request) {
				return super.readCookieValues(request).stream()
					.filter((value) -> SESSION_ID.matcher(value).matches())
					.toList();
			}

		};
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

}
