package org.supporters.payment.stripe;

import com.stripe.StripeClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

import org.supporters.platform.PageSecurity;
import org.supporters.platform.ScheduledJob;

/** The one Stripe client, and the webhook's own security rules. */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeMode.class)
class StripeConfiguration {

	@Bean
	StripeClient stripeClient(StripeProperties properties) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			.setMaxNetworkRetries(properties.maxNetworkRetries());
		if (StringUtils.hasText(properties.apiBase())) {
			builder.setApiBase(properties.apiBase());
		}
		return builder.build();
	}

	/**
	 * Reconciliation, first an interval after start-up; it takes its lock itself, for
	 * staff's runs by hand too.
	 */
	@Bean
	ScheduledJob stripeReconciliationJob(StripeReconciliation reconciliation, StripeProperties properties) {
		return ScheduledJob.unlocked("stripe-reconcile", properties.reconcileInterval(), reconciliation::reconcile)
			.firstRunAfter(properties.reconcileInterval());
	}

	/**
	 * Stripe signs its webhooks instead of sending a CSRF token: the endpoint checks the
	 * signature itself, so this chain lets it through without CSRF or a session.
	 */
	@Bean
	@Order(10)
	SecurityFilterChain stripeWebhookSecurity(HttpSecurity http) throws Exception {
		PageSecurity.strictHeaders(http)
			.securityMatcher("/webhooks/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

}
