package org.supporters.membership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The fast path of the membership check: a reader's membership is derived from PostgreSQL
 * at most once per {@link #TIME_TO_LIVE} on each instance. A change to the reader's
 * pledges or comps is announced by a trigger ({@code NOTIFY membership_changed}) and
 * every instance, listening on its own connection, forgets that reader at once. While the
 * listening connection is down, nothing is cached.
 */
@Component
class MembershipCache implements SmartLifecycle {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(MembershipCache.class);

	private final MembershipService memberships;

	private final DataSource dataSource;

	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

	/** Counts changes heard, so a derivation that raced with one is not cached. */
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean listening;

	private volatile boolean running;

	private Thread listener;

	MembershipCache(MembershipService memberships, DataSource dataSource) {
		this.memberships = memberships;
		this.dataSource = dataSource;
	}

	Membership membershipOf(UUID supporterId) {
		long now = System.nanoTime();
		Cached cached = this.cache.get(supporterId);
		if (cached != null && now - cached.loadedAt() < TIME_TO_LIVE.toNanos()) {
			return cached.membership();
		}
		long changesBefore = this.changes.get();
		Membership membership = this.memberships.membershipOf(supporterId);
		if (this.listening && this.changes.get() == changesBefore) {
			this.cache.put(supporterId, new Cached(membership, now));
		}
		return membership;
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "membership-changes");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.listener.interrupt();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN membership_changed");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.cache.clear();
				this.listening = true;
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							forget(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Not listening for membership changes, caching nothing until back: {}", ex.getMessage());
				}
			}
			finally {
				this.listening = false;
				this.cache.clear();
			}
			pause();
		}
	}

	/**
	 * Read-your-writes on this instance: forget at commit rather than when the
	 * notification arrives.
	 */
	@TransactionalEventListener
	void on(MembershipService.CompsChanged change) {
		this.changes.incrementAndGet();
		this.cache.remove(change.supporterId());
	}

	private void forget(String supporterId) {
		this.changes.incrementAndGet();
		try {
			this.cache.remove(UUID.fromString(supporterId));
		}
		catch (IllegalArgumentException ex) {
			this.cache.clear();
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Cached(Membership membership, long loadedAt) {
	}

}
