package org.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL every integration test runs on, chosen once per JVM:
 * {@code TEST_DATABASE_URL} if set (with {@code TEST_DATABASE_USERNAME} and
 * {@code TEST_DATABASE_PASSWORD}), else a Testcontainers PostgreSQL when Docker answers,
 * else an embedded PostgreSQL: the one Maven started in this build to generate jOOQ's
 * classes (a throw-away with the schema already migrated, which saves starting another),
 * or a new one where tests run outside Maven.
 */
public final class TestDatabase {

	/** Set by the build (pom.xml) to the URL of db/build-database.groovy's PostgreSQL. */
	private static final String BUILD_DATABASE = "supporters.test.build-database-url";

	private static Connection connection;

	private TestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		Connection database = connection();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	public static synchronized Connection connection() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	private static Connection start() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return new Connection(url, env("TEST_DATABASE_USERNAME", "postgres"), env("TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerAnswers()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		String build = System.getProperty(BUILD_DATABASE, "");
		// Maven passes the expression itself when the build started no database
		if (build.startsWith("jdbc:postgresql:")) {
			return new Connection(build, "postgres", "");
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL for tests did not start", ex);
		}
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	public record Connection(String url, String username, String password) {
	}

}
