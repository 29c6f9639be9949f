package org.supporters.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A background job, declared as a bean by the module that owns the work and run by
 * {@link SchedulingConfiguration}: every {@code interval} after its last run ended, and,
 * unless it is one of every instance's own, on one instance at a time under a ShedLock
 * lock in PostgreSQL (table {@code shedlock}).
 *
 * @param name the job's name, also its lock's: the same on every instance
 * @param interval the pause after a run (from a module's {@code *Properties} record)
 * @param firstRunAfter the pause before the first run after start-up
 * @param lockAtMostFor how long a lock held by an instance that died stays taken; longer
 * than a run normally lasts
 * @param locked false for a job that each instance runs for itself (a cache reload), or
 * that takes its lock itself
 * @param work one run; true when more work is waiting, to run again at once
 */
public record ScheduledJob(String name, Duration interval, Duration firstRunAfter, Duration lockAtMostFor,
		boolean locked, BooleanSupplier work) {

	private static final Duration DEFAULT_LOCK_AT_MOST_FOR = Duration.ofMinutes(15);

	public ScheduledJob {
		Objects.requireNonNull(name, "name");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The interval of job " + name + " must be positive");
		}
	}

	/** Runs on one instance at a time. */
	public static ScheduledJob alone(String name, Duration interval, Runnable work) {
		return new ScheduledJob(name, interval, Duration.ZERO, DEFAULT_LOCK_AT_MOST_FOR, true, () -> {
			work.run();
			return false;
		});
	}

	/**
	 * Runs on one instance at a time, batch after batch: at once again while
	 * {@code batch} says more is waiting, after the interval once it does not.
	 */
	public static ScheduledJob batches(String name, Duration interval, BooleanSupplier batch) {
		return new ScheduledJob(name, interval, Duration.ZERO, DEFAULT_LOCK_AT_MOST_FOR, true, batch);
	}

	/**
	 * Runs on every instance, unlocked: a reload of an instance's own cache, or work that
	 * takes its lock itself ({@link JobLocks}) because it is also started by hand.
	 */
	public static ScheduledJob unlocked(String name, Duration interval, Runnable work) {
		return new ScheduledJob(name, interval, Duration.ZERO, DEFAULT_LOCK_AT_MOST_FOR, false, () -> {
			work.run();
			return false;
		});
	}

	/** The same job, first run only this long after start-up. */
	public ScheduledJob firstRunAfter(Duration delay) {
		return new ScheduledJob(this.name, this.interval, delay, this.lockAtMostFor, this.locked, this.work);
	}

	/** The same job, a dead instance's lock free after this long. */
	public ScheduledJob lockAtMostFor(Duration duration) {
		return new ScheduledJob(this.name, this.interval, this.firstRunAfter, duration, this.locked, this.work);
	}

}
