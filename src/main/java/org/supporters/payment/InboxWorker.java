package org.supporters.payment;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ScheduledJob;

/**
 * Runs the inbox in the background on every instance: each run drains what is due with
 * the instance's workers ({@link ProviderEventInbox#drain()}), then waits the poll
 * interval. Instances share the work through their claims in the database, so the job
 * takes no lock of its own; it runs on its scheduler thread and delays no other job.
 */
@Configuration(proxyBeanMethods = false)
class InboxWorker {

	@Bean
	ScheduledJob inboxWorkerJob(ProviderEventInbox inbox, InboxProperties properties) {
		return new ScheduledJob("inbox-worker", properties.pollInterval(), Duration.ZERO, ProviderEventInbox.CLAIM,
				false, () -> {
					inbox.drain();
					return false;
				});
	}

}
