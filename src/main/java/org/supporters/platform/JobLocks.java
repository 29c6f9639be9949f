package org.supporters.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One instance at a time for a job: a PostgreSQL session-level advisory lock, held by a
 * connection of its own for as long as the job runs. It is released when the job ends,
 * and when the instance holding it dies (a crash, a {@code kill -9}, a lost network)
 * PostgreSQL ends the session and the lock is free at once: no lease to wait out.
 */
@Component
public class JobLocks {

	/** A 64-bit key from the job's name, the same on every instance. */
	private static final String TRY_LOCK = "select pg_try_advisory_lock(hashtextextended(?, 0))";

	private static final String UNLOCK = "select pg_advisory_unlock(hashtextextended(?, 0))";

	private final DataSource dataSource;

	JobLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the job's lock, unless another instance (or thread) holds it: empty then.
	 * Close what it returns to release the lock.
	 */
	public Optional<Held> tryLock(String job) {
		Connection connection = null;
		try {
			// not the transaction's connection: the lock lives as long as this one
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			if (query(connection, TRY_LOCK, job)) {
				return Optional.of(new Held(connection, job));
			}
			connection.close();
			return Optional.empty();
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new DataAccessResourceFailureException("Could not take the lock of " + job, ex);
		}
	}

	private static boolean query(Connection connection, String sql, String job) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, job);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the connection is gone, and the lock with it
			}
		}
	}

	/** A job's lock, held until closed. */
	public static final class Held implements AutoCloseable {

		private final Connection connection;

		private final String job;

		private Held(Connection connection, String job) {
			this.connection = connection;
			this.job = job;
		}

		@Override
		public void close() {
			try {
				query(this.connection, UNLOCK, this.job);
			}
			catch (SQLException ex) {
				// a broken connection holds no lock: PostgreSQL freed it with the session
			}
			finally {
				closeQuietly(this.connection);
			}
		}

	}

}
