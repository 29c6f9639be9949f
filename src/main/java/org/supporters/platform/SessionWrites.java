package org.supporters.platform;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), which writes a session's last-access
 * time on every request that reads it: each membership call of a reader's browser would
 * update the same row, and concurrent calls would queue on its lock. The row is written
 * only when its id, principal or timeout changed, or when the stored time is a minute
 * old, so idle timeouts hold to within that minute.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	static final Duration LAST_ACCESS_PRECISION = Duration.ofMinutes(1);

	/**
	 * Spring Session's own update, binding the same six parameters in the same order,
	 * made conditional. Its update count is not checked, so "nothing to write" is no
	 * error.
	 */
	private static final String UPDATE_SESSION = """
			UPDATE %TABLE_NAME% AS stored
			SET SESSION_ID = new.session_id, LAST_ACCESS_TIME = new.last_access_time,
			    MAX_INACTIVE_INTERVAL = new.max_inactive_interval, EXPIRY_TIME = new.expiry_time,
			    PRINCIPAL_NAME = new.principal_name
			FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
			              CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
			  AS new (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
			WHERE stored.PRIMARY_ID = new.primary_id
			  AND (stored.SESSION_ID <> new.session_id
			    OR stored.MAX_INACTIVE_INTERVAL <> new.max_inactive_interval
			    OR stored.PRINCIPAL_NAME IS DISTINCT FROM new.principal_name
			    OR new.last_access_time >= stored.LAST_ACCESS_TIME + """ + LAST_ACCESS_PRECISION.toMillis() + ")";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenAtMostOncePerMinute() {
		return (repository) -> repository.setUpdateSessionQuery(UPDATE_SESSION);
	}

}
