package org.supporters.platform;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a database that cannot be reached at start-up into one line saying what to fix.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	DatabaseUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = cause.getSQLState() == null ? "" : cause.getSQLState();
		boolean cannotConnect = state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
		if (!cannotConnect) {
			return null;
		}
		String url = this.environment.getProperty("spring.datasource.url", "(embedded)");
		return new FailureAnalysis("Cannot connect to the database at SPRING_DATASOURCE_URL=" + url + ": " + cause
			.getMessage(), "Check that the server runs and that SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
					+ "SPRING_DATASOURCE_PASSWORD are right, or unset SPRING_DATASOURCE_URL to use the embedded PostgreSQL.",
				cause);
	}

}
