package org.supporters.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ScheduledJob;

/**
 * Runs the inbox in the background, one batch per run: after a full batch the next one
 * starts at once, after a short one it waits the poll interval. Between batches the
 * scheduler thread goes back to the pool, so a long backlog delays no other job.
 */
@Configuration(proxyBeanMethods = false)
class InboxWorker {

	@Bean
	ScheduledJob inboxWorkerJob(ProviderEventInbox inbox, InboxProperties properties) {
		return ScheduledJob.batches("inbox-worker", properties.pollInterval(),
				() -> inbox.applyBatch() == ProviderEventInbox.BATCH_SIZE);
	}

}
