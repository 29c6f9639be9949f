package org.supporters.payment.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import org.supporters.platform.ScheduledJob;

/**
 * In sandbox mode the whole service runs on the sandbox clock, so moving it shows
 * renewals and grace.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxMode.class)
class SandboxConfiguration {

	@Bean
	@Primary
	SandboxClock sandboxClock(SandboxRepository repository) {
		return new SandboxClock(repository);
	}

	/** Renewals and their retries as the sandbox clock passes their dates. */
	@Bean
	ScheduledJob sandboxBillingJob(SandboxBilling billing, SandboxProperties properties) {
		return ScheduledJob.alone("sandbox-billing", properties.billingInterval(), billing::chargeDue);
	}

}
