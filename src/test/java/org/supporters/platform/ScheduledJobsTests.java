package org.supporters.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import org.supporters.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The background jobs really run in the service, not only when a test calls them. */
class ScheduledJobsTests extends IntegrationTest {

	@Autowired
	ScheduledTaskHolder scheduler;

	@Autowired
	ThreadPoolTaskScheduler threads;

	@Test
	void everyScheduledJobHasAThreadOfItsOwn() {
		assertThat(this.threads.getPoolSize()).isGreaterThanOrEqualTo(this.scheduler.getScheduledTasks().size());
	}

	@Test
	void inboxWorkerRenewalsExpiryMailRetriesNoticesAskCountsImportCampaignAndWebhooksAreScheduled() {
		assertThat(this.scheduler.getScheduledTasks()).map(ScheduledTask::toString)
			.contains("job inbox-worker every 1h", "job sandbox-billing every 1h", "job checkout-expiry every 1h",
					"job mail-delivery every 1h", "job rate-limit-cleanup every 1h", "job signing-key-reload every 1m",
					"job lifecycle-notices every 1h", "job ask-event-flush every 2s", "job import-campaign every 1h",
					"job webhook-delivery every 1h", "job webhook-membership-lapses every 1h");
	}

}
