package org.supporters.membership;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The membership checks are the service's most frequent and cheapest answers: timing each
 * one as an HTTP request observation cost more than the check itself, so they are left
 * out of {@code http_server_requests_*} and counted by
 * {@code supporters_membership_checks_total} instead.
 */
@Configuration(proxyBeanMethods = false)
class MembershipCheckObservations {

	@Bean
	ObservationPredicate membershipChecksUnobserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getRequestURI().startsWith("/api/v1/member"));
	}

}
