package org.supporters.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The catch-all chain for every page no module claims: public, sessionless, with
 * {@link PageSecurity}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * A module with its own rules (staff, reader accounts, webhooks) adds a chain with a
	 * matcher, ordered before this one.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain securityFilterChain(HttpSecurity http, SupportersProperties properties) throws Exception {
		PageSecurity.apply(http, properties)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
