package org.supporters.platform;

import java.nio.file.Path;

/** The data directory cannot serve the embedded PostgreSQL. */
class DataDirectoryException extends RuntimeException {

	private final Path directory;

	DataDirectoryException(Path directory, String reason, Throwable cause) {
		super("SUPPORTERS_DATA_DIR " + directory + " cannot be used: " + reason, cause);
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
	}

}
