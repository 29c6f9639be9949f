package org.supporters.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own background jobs: mail retries and the rate limits' cleanup. */
@Configuration(proxyBeanMethods = false)
class PlatformJobs {

	@Bean
	ScheduledJob mailDeliveryJob(Mail mail, MailProperties properties) {
		return ScheduledJob.alone("mail-delivery", properties.retryInterval(), mail::deliverDue);
	}

	@Bean
	ScheduledJob rateLimitCleanupJob(RateLimits rateLimits, RateLimitProperties properties) {
		return ScheduledJob.alone("rate-limit-cleanup", properties.cleanupInterval(), rateLimits::forgetOldAttempts);
	}

}
