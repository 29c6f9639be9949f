package org.supporters.payment.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.dao.DataAccessException;

/**
 * Real time plus however far a person has moved the sandbox ahead. The offset lives in
 * PostgreSQL, so every instance agrees; each instance re-reads it every few seconds.
 */
class SandboxClock extends Clock {

	private static final long REREAD_MILLIS = 2000;

	private final Clock system = Clock.systemUTC();

	private final SandboxRepository repository;

	private volatile long offsetSeconds;

	private volatile long readAtMillis = Long.MIN_VALUE;

	SandboxClock(SandboxRepository repository) {
		this.repository = repository;
	}

	@Override
	public Instant instant() {
		long nowMillis = this.system.millis();
		if (nowMillis - this.readAtMillis > REREAD_MILLIS) {
			try {
				this.offsetSeconds = this.repository.clockOffsetSeconds();
				this.readAtMillis = nowMillis;
			}
			catch (DataAccessException ex) {
				// the database is briefly away: keep the last offset read
			}
		}
		return this.system.instant().plusSeconds(this.offsetSeconds);
	}

	void advance(Duration duration) {
		this.offsetSeconds = this.repository.advanceClock(duration.toSeconds());
		this.readAtMillis = this.system.millis();
	}

	Duration offset() {
		instant();
		return Duration.ofSeconds(this.offsetSeconds);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the sandbox clock is always UTC");
	}

}
