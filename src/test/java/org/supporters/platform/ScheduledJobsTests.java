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
	void inboxWorkerRenewalsExpiryAndMailRetriesAreScheduled() {
		assertThat(this.scheduler.getScheduledTasks()).map(ScheduledTask::toString)
			.contains("inbox worker (ProviderEventInbox.applyBatch)",
					"org.supporters.payment.sandbox.SandboxBilling.chargeDue",
					"org.supporters.pledge.Checkouts.expireAbandoned", "org.supporters.platform.Mail.deliverDue");
	}

}
