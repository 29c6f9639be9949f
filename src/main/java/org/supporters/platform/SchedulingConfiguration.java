package org.supporters.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs the modules' background jobs: every {@link ScheduledJob} bean, each on a thread of
 * the scheduler's pool, under its ShedLock lock (table {@code shedlock}, PostgreSQL's
 * clock) so that with several instances one runs it at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(SchedulingConfiguration.class);

	private final ObjectProvider<ScheduledJob> jobs;

	private final ObjectProvider<JobLocks> locks;

	SchedulingConfiguration(ObjectProvider<ScheduledJob> jobs, ObjectProvider<JobLocks> locks) {
		this.jobs = jobs;
		this.locks = locks;
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource, PlatformTransactionManager transactions) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			// a lock is its own short transaction, committed at once, even when taken
			// inside another
			.withTransactionManager(transactions)
			// every instance compares against the same clock: the database's
			.usingDbTime()
			.withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
			.build());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		List<ScheduledJob> all = this.jobs.orderedStream().toList();
		JobLocks jobLocks = this.locks.getObject();
		for (ScheduledJob job : all) {
			Run run = new Run(job, jobLocks);
			registrar.addTriggerTask(run, run::next);
		}
	}

	/**
	 * One job's runs and its trigger: at once again after a run that left more waiting.
	 */
	private static final class Run implements Runnable {

		private final ScheduledJob job;

		private final JobLocks locks;

		private final AtomicBoolean moreWaiting = new AtomicBoolean();

		Run(ScheduledJob job, JobLocks locks) {
			this.job = job;
			this.locks = locks;
		}

		@Override
		public void run() {
			try {
				boolean more = this.job.locked()
						? this.locks.runAlone(this.job.name(), this.job.lockAtMostFor(), this.job.work()::getAsBoolean)
							.orElse(false)
						: this.job.work().getAsBoolean();
				this.moreWaiting.set(more);
			}
			catch (RuntimeException ex) {
				// the next run comes after the interval, as after any other run
				this.moreWaiting.set(false);
				logger.error("Scheduled job {} failed", this.job.name(), ex);
			}
		}

		Instant next(TriggerContext context) {
			Instant lastEnd = context.lastCompletion();
			if (lastEnd == null) {
				return context.getClock().instant().plus(this.job.firstRunAfter());
			}
			return this.moreWaiting.get() ? lastEnd : lastEnd.plus(this.job.interval());
		}

		@Override
		public String toString() {
			return "job " + this.job.name() + " every " + format(this.job.interval());
		}

		private static String format(Duration interval) {
			return interval.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
		}

	}

}
