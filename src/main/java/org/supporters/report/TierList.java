package org.supporters.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;

/**
 * The tiers the staff pages name and filter by, kept per instance rather than read on
 * every page. A change of a tier or its prices is announced by a trigger
 * ({@code NOTIFY catalog_changed}, V22) and every instance, listening on its own
 * connection, forgets the list at once; while that connection is down, nothing is kept.
 */
@Component
class TierList implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TierList.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private final Catalog catalog;

	private final DataSource dataSource;

	private volatile List<Tier> all;

	/** Counts changes heard, so a list read while one happened is not kept. */
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean listening;

	private volatile boolean running;

	private Thread listener;

	TierList(Catalog catalog, DataSource dataSource) {
		this.catalog = catalog;
		this.dataSource = dataSource;
	}

	/** The tiers offered now, in display order. */
	List<Tier> active() {
		return all().stream().filter(Tier::active).toList();
	}

	/** A tier by its slug, offered or retired. */
	Optional<Tier> bySlug(String slug) {
		return all().stream().filter((tier) -> tier.slug().equals(slug)).findFirst();
	}

	/** A tier by its id, offered or retired. */
	Optional<Tier> byId(long id) {
		return all().stream().filter((tier) -> tier.id() == id).findFirst();
	}

	private List<Tier> all() {
		List<Tier> kept = this.all;
		if (kept != null) {
			return kept;
		}
		long changesBefore = this.changes.get();
		List<Tier> loaded = List.copyOf(this.catalog.allTiers());
		if (this.listening && this.changes.get() == changesBefore) {
			this.all = loaded;
		}
		return loaded;
	}

	private void forget() {
		this.changes.incrementAndGet();
		this.all = null;
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "catalog-changes");
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
					statement.execute("LISTEN catalog_changed");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				forget();
				this.listening = true;
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null && notifications.length > 0) {
						forget();
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Not listening for tier changes, keeping no tiers until back: {}", ex.getMessage());
				}
			}
			finally {
				this.listening = false;
				forget();
			}
			try {
				Thread.sleep(RETRY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
