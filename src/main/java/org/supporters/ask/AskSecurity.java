package org.supporters.ask;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import org.supporters.platform.PageSecurity;

/**
 * The asks' public API: the live asks and the events endpoint answer any origin without
 * credentials (CORS open, no cookie read or set, no session, no CSRF: nothing here acts
 * for a reader).
 */
@Configuration(proxyBeanMethods = false)
class AskSecurity {

	static final String LIVE = "/api/v1/asks";

	static final String EVENTS = "/api/v1/ask-events";

	@Bean
	@Order(20)
	SecurityFilterChain askApiChain(HttpSecurity http) throws Exception {
		PageSecurity.strictHeaders(http)
			.securityMatcher(LIVE, EVENTS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.cors((cors) -> cors.configurationSource(openCors()))
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()));
		return http.build();
	}

	private static UrlBasedCorsConfigurationSource openCors() {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.of("*"));
		cors.setAllowedMethods(List.of("GET", "POST"));
		cors.setAllowedHeaders(List.of("Content-Type", "Accept"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofDays(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(LIVE, cors);
		source.registerCorsConfiguration(EVENTS, cors);
		return source;
	}

}
