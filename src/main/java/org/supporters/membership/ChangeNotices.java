package org.supporters.membership;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.supporters.platform.DatabaseNotices;

/**
 * What keeps this instance's caches of the membership module coherent with every other
 * instance: each notice on these channels ({@link DatabaseNotices}) makes the caches
 * forget what it names, within milliseconds on every instance.
 * <p>
 * Nothing is remembered while the notices may be missed: losing the connection forgets
 * everything, and so does getting it back. A cache remembers what it read only if no
 * notice came and the listening did not stop while it read ({@link #version()},
 * {@link #unchangedSince(long)}): a change committed during a read is never hidden by
 * that read.
 */
@Component
class ChangeNotices {

	/** A supporter's membership or sessions changed; the payload is their id. */
	static final String MEMBERSHIP = "membership_changed";

	/** An API key was revoked or its row changed; the payload is the key's id. */
	static final String API_KEY = "api_key_changed";

	private final DatabaseNotices notices;

	private final JdbcTemplate jdbc;

	/** Per channel, what forgets what a payload names; a {@code null} payload: all. */
	private final Map<String, List<Consumer<String>>> forgetters = Map.of(MEMBERSHIP, new CopyOnWriteArrayList<>(),
			API_KEY, new CopyOnWriteArrayList<>());

	/** Counts notices heard and every start or loss of the listening. */
	private final AtomicLong version = new AtomicLong();

	ChangeNotices(DatabaseNotices notices, DataSource dataSource) {
		this.notices = notices;
		this.jdbc = new JdbcTemplate(dataSource);
		this.forgetters.keySet().forEach((channel) -> notices.listen(channel, (payload) -> heard(channel, payload)));
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
		return this.notices.listening() && this.version.get() == version;
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

}
