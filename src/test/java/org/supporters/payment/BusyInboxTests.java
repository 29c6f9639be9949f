package org.supporters.payment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.supporters.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox worker, however long it is busy, holds up no other scheduled job. A context
 * of its own (closed after) whose jobs run every fraction of a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BusyInboxTests {

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void fastJobs(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("supporters.inbox.poll-interval", () -> "100ms");
		registry.add("supporters.rate-limits.cleanup-interval", () -> "200ms");
		registry.add("supporters.sandbox.billing-interval", () -> "1h");
		registry.add("supporters.pledge.expiry-interval", () -> "1h");
		registry.add("supporters.mail.retry-interval", () -> "1h");
	}

	@Test
	void anInboxWorkerStuckOnItsEventsDoesNotDelayTheCleanupOfRateLimits() throws SQLException {
		TestDatabase.Connection database = TestDatabase.connection();
		try (Connection holder = DriverManager.getConnection(database.url(), database.username(), database.password());
				Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			// as long as this transaction lasts, the worker waits on the inbox: a backlog
			// that never ends
			statement.execute("lock table provider_event in access exclusive mode");
			assertThat(within(Duration.ofSeconds(20), () -> this.jdbc.queryForObject("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and query ilike '%provider_event%'""", Long.class) > 0))
				.as("the inbox worker is stuck")
				.isTrue();

			String bucket = "busy-inbox-test:" + UUID.randomUUID();
			this.jdbc.update("insert into rate_limit_hit (bucket, at) values (?, now() - interval '2 days')", bucket);

			assertThat(within(Duration.ofSeconds(20), () -> this.jdbc
				.queryForObject("select count(*) from rate_limit_hit where bucket = ?", Long.class, bucket) == 0))
				.as("the cleanup ran meanwhile")
				.isTrue();
			holder.rollback();
		}
	}

	private static boolean within(Duration limit, BooleanSupplier condition) {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

}
