package org.supporters.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one line why the data directory cannot be used. */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set SUPPORTERS_DATA_DIR to a directory this user can write to and no other instance uses, "
						+ "or set SPRING_DATASOURCE_URL to use an external PostgreSQL.",
				cause);
	}

}
