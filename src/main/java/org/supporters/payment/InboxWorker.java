package org.supporters.payment;

import java.time.Instant;

import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the inbox in the background, one batch per run: after a full batch the next one
 * starts at once, after a short one it waits the poll interval. Between batches the
 * scheduler thread goes back to the pool, so a long backlog delays no other job.
 */
@Component
class InboxWorker implements SchedulingConfigurer {

	private final ProviderEventInbox inbox;

	private final InboxProperties properties;

	private volatile boolean moreWaiting;

	InboxWorker(ProviderEventInbox inbox, InboxProperties properties) {
		this.inbox = inbox;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addTriggerTask(new Runnable() {

			@Override
			public void run() {
				InboxWorker.this.moreWaiting = InboxWorker.this.inbox.applyBatch() == ProviderEventInbox.BATCH_SIZE;
			}

			@Override
			public String toString() {
				return "inbox worker (ProviderEventInbox.applyBatch)";
			}

		}, this::nextRun);
	}

	private Instant nextRun(TriggerContext context) {
		Instant lastEnd = context.lastCompletion();
		if (lastEnd == null) {
			return context.getClock().instant();
		}
		return this.moreWaiting ? lastEnd : lastEnd.plus(this.properties.pollInterval());
	}

}
