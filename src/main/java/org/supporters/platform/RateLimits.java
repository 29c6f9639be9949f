package org.supporters.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.micrometer.core.instrument.Metrics;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.RATE_LIMIT_HIT;

/**
 * Counts attempts per bucket (an email, a client address) in PostgreSQL, so that a limit
 * holds across every instance and restart.
 */
@Repository
public class RateLimits {

	private static final Duration KEPT = Duration.ofDays(1);

	/** Below the column's 300: a bucket holds what a client sent (an address, a name). */
	static final int MAX_BUCKET_LENGTH = 200;

	private final DSLContext db;

	private final Clock clock;

	RateLimits(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Counts one attempt in the bucket, unless it already holds {@code limit} attempts
	 * within {@code window}.
	 * @return whether the attempt is allowed (and was counted)
	 */
	public boolean tryAcquire(String bucket, int limit, Duration window) {
		if (isExhausted(bucket, limit, window)) {
			return false;
		}
		record(bucket);
		return true;
	}

	/** Whether the bucket holds {@code limit} or more attempts within {@code window}. */
	public boolean isExhausted(String bucket, int limit, Duration window) {
		Instant since = this.clock.instant().minus(window);
		boolean exhausted = this.db.fetchCount(RATE_LIMIT_HIT,
				RATE_LIMIT_HIT.BUCKET.eq(bounded(bucket)).and(RATE_LIMIT_HIT.AT.gt(since))) >= limit;
		if (exhausted) {
			// the bucket's kind only: the rest names a reader or an address
			Metrics.counter("supporters.rate.limit.refusals", "limit", kind(bucket)).increment();
		}
		return exhausted;
	}

	/** Counts one attempt in the bucket. */
	public void record(String bucket) {
		this.db.insertInto(RATE_LIMIT_HIT)
			.set(RATE_LIMIT_HIT.BUCKET, bounded(bucket))
			.set(RATE_LIMIT_HIT.AT, this.clock.instant())
			.execute();
	}

	private static String kind(String bucket) {
		int colon = bucket.indexOf(':');
		return (colon > 0 && colon <= 40) ? bucket.substring(0, colon) : "other";
	}

	/** The bucket as stored: a long one by its digest, so any length fits the column. */
	static String bounded(String bucket) {
		if (bucket.length() <= MAX_BUCKET_LENGTH) {
			return bucket;
		}
		try {
			return "sha-256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Forgets attempts older than any window; deleting twice is harmless. */
	void forgetOldAttempts() {
		this.db.deleteFrom(RATE_LIMIT_HIT).where(RATE_LIMIT_HIT.AT.lt(this.clock.instant().minus(KEPT))).execute();
	}

}
