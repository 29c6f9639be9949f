package org.supporters.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.stereotype.Component;

/**
 * One instance at a time for a job: its ShedLock lock, a row in table {@code shedlock}
 * that says which instance holds it until when (PostgreSQL's clock). Released when the
 * work ends; when the instance holding it dies, the lock is free once
 * {@code lockAtMostFor} has passed. {@link ScheduledJob}s take it on their own; work that
 * staff can also start by hand (reconciliation) takes it here.
 */
@Component
public class JobLocks {

	private static final Duration DEFAULT_LOCK_AT_MOST_FOR = Duration.ofHours(1);

	private final LockProvider locks;

	JobLocks(LockProvider locks) {
		this.locks = locks;
	}

	/**
	 * Takes the job's lock, unless another instance (or thread) holds it: empty then.
	 * Close what it returns to release the lock.
	 */
	public Optional<Held> tryLock(String job) {
		return tryLock(job, DEFAULT_LOCK_AT_MOST_FOR);
	}

	/** The same, a dead holder's lock free after {@code lockAtMostFor}. */
	public Optional<Held> tryLock(String job, Duration lockAtMostFor) {
		return this.locks.lock(new LockConfiguration(Instant.now(), job, lockAtMostFor, Duration.ZERO)).map(Held::new);
	}

	/** Runs the work under the job's lock; empty when another instance holds it. */
	public <T> Optional<T> runAlone(String job, Duration lockAtMostFor, Supplier<T> work) {
		Optional<Held> lock = tryLock(job, lockAtMostFor);
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try (Held held = lock.get()) {
			return Optional.ofNullable(work.get());
		}
	}

	/** A job's lock, held until closed. */
	public static final class Held implements AutoCloseable {

		private final SimpleLock lock;

		private Held(SimpleLock lock) {
			this.lock = lock;
		}

		@Override
		public void close() {
			this.lock.unlock();
		}

	}

}
