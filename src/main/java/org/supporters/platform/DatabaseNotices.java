package org.supporters.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code NOTIFY}, heard by every instance on one connection of its own: what
 * keeps the modules' per-instance caches coherent across instances. A module names its
 * channel and what a notice's payload makes it forget.
 * <p>
 * Notices sent while the connection is down are lost, so losing it, and getting it back,
 * is told to every listener as a {@code null} payload: forget everything. Until
 * {@link #listening()} is true again, a cache keeps nothing.
 */
@Component
public class DatabaseNotices implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotices.class);

	private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");

	private static final long RETRY_MILLIS = 1000;

	private final DataSource dataSource;

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private volatile boolean listening;

	private volatile boolean running;

	private Thread listener;

	DatabaseNotices(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Hands every notice of this channel to {@code heard}: its payload, or {@code null}
	 * when notices may have been lost. Registered before the service starts listening.
	 */
	public void listen(String channel, Consumer<String> heard) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("Not a channel name: " + channel);
		}
		if (this.running) {
			throw new IllegalStateException("Channels are registered before the service starts: " + channel);
		}
		this.listeners.computeIfAbsent(channel, (name) -> new CopyOnWriteArrayList<>()).add(heard);
	}

	/**
	 * Whether this instance hears every notice now, so a cache may keep what it reads.
	 */
	public boolean listening() {
		return this.listening;
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "database-notices");
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
					for (String channel : this.listeners.keySet()) {
						statement.execute("LISTEN " + channel);
					}
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				// a notice sent before LISTEN was missed
				tellEveryone();
				this.listening = true;
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications((int) RETRY_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							tell(notification.getName(), notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Not hearing the database's notices, caching nothing until back: {}", ex.getMessage());
				}
			}
			finally {
				this.listening = false;
				tellEveryone();
			}
			try {
				Thread.sleep(RETRY_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void tell(String channel, String payload) {
		this.listeners.getOrDefault(channel, List.of()).forEach((heard) -> heard.accept(payload));
	}

	private void tellEveryone() {
		this.listeners.keySet().forEach((channel) -> tell(channel, null));
	}

}
