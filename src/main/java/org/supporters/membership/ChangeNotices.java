package org.supporters.membership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What keeps this instance's caches of the membership module coherent with every other
 * instance: one connection per instance listens on PostgreSQL's channels, and each notice
 * makes the caches forget what it names, within milliseconds on every instance.
 * <p>
 * Nothing is remembered while the connection is down: losing it forgets everything, and
 * so does getting it back (a notice sent meanwhile was lost). A cache remembers what it
 * read only if no notice came and the listening did not stop while it read
 * ({@link #version()}, {@link #unchangedSince(long)}): a change committed during a read
 * is never hidden by that read.
 */
@Component
class ChangeNotices implements SmartLifecycle {

	/** A supporter's membership or sessions changed; the payload is their id. */
	static final String MEMBERSHIP = "membership_changed";

	/** An API key was revoked or its row changed; the payload is the key's id. */
	static final String API_KEY = "api_key_changed";

	private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	/** Per channel, what forgets what a payload names; a {@code null} payload: all. */
	private final Map<String, List<Consumer<String>>> forgetters = Map.of(MEMBERSHIP, new CopyOnWriteArrayList<>(),
			API_KEY, new CopyOnWriteArrayList<>());

	/** Counts notices heard and every start or loss of the listening. */
	private final AtomicLong version = new AtomicLong();

	private volatile boolean listening;

	private volatile boolean running;

	private Thread listener;

	ChangeNotices(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Registers what forgets on a notice of this channel, in the order of registration.
	 */
	void onNotice(String channel, Consumer<String> forget) {
		this.forgetters.get(channel).add(forget);
	}

	/** Taken before a read whose result may be remembered. */
	long version() {
		return this.version.get();
	}

	/**
	 * Whether what was read since {@code version} may be remembered: this instance has
	 * been listening all along and heard no notice meanwhile. A cache asks this after
	 * storing, and removes what it stored when the answer is no.
	 */
	boolean unchangedSince(long version) {
		return this.listening && this.version.get() == version;
	}

	/**
	 * Tells every instance, this one at once, that this changed: in a transaction, the
	 * other instances hear it when it commits.
	 */
	void announce(String channel, String payload) {
		this.jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, channel, payload);
		heardAtCommit(channel, payload);
	}

	/**
	 * This instance forgets when the current transaction commits (at once without one),
	 * for a change whose notice a trigger sends.
	 */
	void heardAtCommit(String channel, String payload) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// forgotten before the commit, it could be read again as it was
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					heard(channel, payload);
				}

			});
		}
		else {
			heard(channel, payload);
		}
	}

	/** This instance forgets at once, as if it had heard the notice. */
	void heard(String channel, String payload) {
		this.version.incrementAndGet();
		this.forgetters.get(channel).forEach((forget) -> forget.accept(payload));
	}

	private void forgetEverything() {
		this.version.incrementAndGet();
		this.forgetters.values().forEach((forgets) -> forgets.forEach((forget) -> forget.accept(null)));
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
					statement.execute("LISTEN " + MEMBERSHIP);
					statement.execute("LISTEN " + API_KEY);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				forgetEverything();
				this.listening = true;
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							if (this.forgetters.containsKey(notification.getName())) {
								heard(notification.getName(), notification.getParameter());
							}
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Not listening for membership and API key changes, caching nothing until back: {}",
							ex.getMessage());
				}
			}
			finally {
				this.listening = false;
				forgetEverything();
			}
			pause();
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

}
