package org.supporters.ask;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * At most {@code supporters.asks.events-per-minute} ask events per client address and
 * minute, on each instance. The address is never stored or logged: the limiter keeps only
 * a keyed hash of it, under a key made at start-up and never written anywhere, for the
 * current minute. Per instance (not in the database) because the limit guards the counts'
 * honesty, not money or accounts: N instances allow N times the limit.
 */
@Component
class AddressLimiter {

	/**
	 * More addresses than this in one minute: the oldest minute's entries are dropped.
	 */
	private static final int MAX_ADDRESSES = 200_000;

	private final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final byte[] key = new byte[32];

	private final ThreadLocal<Mac> macs;

	private final Clock clock;

	private volatile long minute;

	AddressLimiter(Clock clock) {
		this.clock = clock;
		new SecureRandom().nextBytes(this.key);
		this.macs = ThreadLocal.withInitial(this::mac);
	}

	/**
	 * Counts {@code events} for the address; false (and nothing counted) over the limit.
	 */
	boolean tryAcquire(String address, int events, int limit) {
		long now = this.clock.millis() / 60_000;
		if (now != this.minute || this.counts.size() > MAX_ADDRESSES) {
			synchronized (this) {
				if (now != this.minute || this.counts.size() > MAX_ADDRESSES) {
					this.counts.clear();
					this.minute = now;
				}
			}
		}
		AtomicInteger count = this.counts.computeIfAbsent(hash(address), (hash) -> new AtomicInteger());
		if (count.addAndGet(events) > limit) {
			count.addAndGet(-events);
			return false;
		}
		return true;
	}

	private long hash(String address) {
		byte[] digest = this.macs.get().doFinal(address.getBytes(StandardCharsets.UTF_8));
		long hash = 0;
		for (int i = 0; i < 8; i++) {
			hash = (hash << 8) | (digest[i] & 0xff);
		}
		return hash;
	}

	private Mac mac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
