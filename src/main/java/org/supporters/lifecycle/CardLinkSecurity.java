package org.supporters.lifecycle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import org.supporters.platform.PageSecurity;
import org.supporters.platform.SupportersProperties;

/**
 * The update-card link lives under /account but opens without signing in: its signature
 * is the permission. A chain of its own, ahead of the reader's, and stateless.
 */
@Configuration(proxyBeanMethods = false)
class CardLinkSecurity {

	@Bean
	@Order(29)
	SecurityFilterChain cardLinkChain(HttpSecurity http, SupportersProperties properties) throws Exception {
		PageSecurity.apply(http, properties)
			.securityMatcher("/account/card/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
