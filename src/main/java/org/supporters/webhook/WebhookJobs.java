package org.supporters.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ScheduledJob;

/** The webhook module's background jobs. */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

	@Bean
	ScheduledJob webhookDeliveryJob(WebhookDelivery delivery, WebhookProperties properties) {
		return ScheduledJob.batches("webhook-delivery", properties.deliveryInterval(), delivery::deliverDue);
	}

	@Bean
	ScheduledJob webhookLapsesJob(WebhookOutbox outbox, WebhookProperties properties) {
		return ScheduledJob.batches("webhook-membership-lapses", properties.lapseInterval(), outbox::tellLapses);
	}

}
