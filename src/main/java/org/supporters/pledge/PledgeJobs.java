package org.supporters.pledge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ScheduledJob;

/** The pledge flow's background job. */
@Configuration(proxyBeanMethods = false)
class PledgeJobs {

	@Bean
	ScheduledJob checkoutExpiryJob(Checkouts checkouts, CheckoutProperties properties) {
		return ScheduledJob.alone("checkout-expiry", properties.expiryInterval(), checkouts::expireAbandoned);
	}

}
