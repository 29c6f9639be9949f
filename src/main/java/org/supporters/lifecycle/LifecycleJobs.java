package org.supporters.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.catalog.BillingInterval;
import org.supporters.membership.CurrentSupporters;
import org.supporters.membership.MembershipService;
import org.supporters.platform.JobLocks;
import org.supporters.supporter.Supporters;

/**
 * The mails that tell of a date ahead rather than of an event: a yearly renewal
 * {@code SUPPORTERS_MAIL_RENEWAL_NOTICE_DAYS} before it charges, and a contribution's or
 * a comp's benefits ending within {@link #ENDING_NOTICE}. One instance at a time runs it
 * (a job lock); each mail is written in a transaction of its own, once (its key), so a
 * run that stops half-way is finished by the next one.
 */
@Component
class LifecycleJobs {

	static final Duration ENDING_NOTICE = Duration.ofDays(7);

	private final LifecycleMails mails;

	private final Supporters supporters;

	private final MembershipService memberships;

	private final CurrentSupporters current;

	private final JobLocks locks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration renewalNotice;

	LifecycleJobs(LifecycleMails mails, Supporters supporters, MembershipService memberships, CurrentSupporters current,
			JobLocks locks, TransactionTemplate transaction, Clock clock, LifecycleProperties properties) {
		this.mails = mails;
		this.supporters = supporters;
		this.memberships = memberships;
		this.current = current;
		this.locks = locks;
		this.transaction = transaction;
		this.clock = clock;
		this.renewalNotice = Duration.ofDays(properties.renewalNoticeDays());
	}

	/** Sends the notices now due; false when another instance is sending them. */
	@Scheduled(fixedDelayString = "${supporters.mail.notice-interval:15m}",
			initialDelayString = "${supporters.mail.notice-interval:15m}")
	boolean sendNotices() {
		Optional<JobLocks.Held> lock = this.locks.tryLock("lifecycle.notices");
		if (lock.isEmpty()) {
			return false;
		}
		try (JobLocks.Held held = lock.get()) {
			Instant now = this.clock.instant();
			this.supporters.renewingBetween(BillingInterval.YEAR, now, now.plus(this.renewalNotice))
				.forEach((pledge) -> this.transaction
					.executeWithoutResult((status) -> this.mails.renewalNotice(pledge)));
			Duration period = this.current.contributorPeriod();
			this.supporters.oneOffsPaidBetween(now.minus(period), now.plus(ENDING_NOTICE).minus(period))
				.forEach((pledge) -> this.transaction
					.executeWithoutResult((status) -> this.mails.contributorEnding(pledge)));
			this.memberships.compsEndingBetween(now, now.plus(ENDING_NOTICE))
				.forEach((comp) -> this.transaction.executeWithoutResult((status) -> this.mails.compEnding(comp)));
			return true;
		}
	}

}
