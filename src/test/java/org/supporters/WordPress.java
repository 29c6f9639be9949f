package org.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WordPress for the plugin's end-to-end tests: Debian's {@code wordpress} package
 * copied to a temporary directory, on its own database of the local MariaDB (root, no
 * password, 127.0.0.1:3306) that is dropped afterwards, served by {@code php -S} on
 * {@code http://localhost:<port>}, with the plugin activated and two posts written. The
 * site and the service share the host {@code localhost}, so the service's membership
 * cookie reaches the site (cookies are not port-scoped).
 * <p>
 * Where PHP, WordPress or MariaDB are missing the tests are skipped, unless
 * {@code CI=true}, where they fail.
 */
public final class WordPress implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	private static final Path DEBIAN_WORDPRESS = Path.of("/usr/share/wordpress");

	private static final Path FIXTURES = Path.of("src/test/resources/wordpress").toAbsolutePath();

	private static final String INSTALL = "apt-get install wordpress php-cli php-mysql php-curl php-xml php-mbstring "
			+ "mariadb-server, and start MariaDB";

	private final int port;

	private final String serviceUrl;

	private final Php php = new Php();

	private Path site;

	private String database;

	private Process server;

	private Map<String, Object> posts;

	public WordPress(int port, String serviceUrl) {
		this.port = port;
		this.serviceUrl = serviceUrl;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		if (missing != null && !Php.isCi()) {
			return ConditionEvaluationResult
				.disabled("WordPress tests need " + missing + " (" + INSTALL + "); skipped (with CI=true they fail)");
		}
		return ConditionEvaluationResult.enabled("PHP, WordPress and MariaDB are here, or CI=true");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		String missing = missing();
		if (missing != null) {
			Assertions.fail("WordPress tests need " + missing + " (" + INSTALL + "); CI=true, so they fail");
		}
		this.site = Files.createTempDirectory("wordpress-");
		this.database = "supporters_wp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		copy(DEBIAN_WORDPRESS, this.site);
		copy(Php.PLUGIN, this.site.resolve("wp-content/plugins/supporters-membership"));
		Files.createDirectories(this.site.resolve("wp-content/mu-plugins"));
		Files.copy(FIXTURES.resolve("count-requests.php"),
				this.site.resolve("wp-content/mu-plugins/count-requests.php"));
		for (String fixture : List.of("router.php", "setup.php", "admin-checks.php")) {
			Files.copy(FIXTURES.resolve(fixture), this.site.resolve(fixture), StandardCopyOption.REPLACE_EXISTING);
		}
		Files.writeString(this.site.resolve("wp-config.php"), config(), StandardCharsets.UTF_8);
		String printed = this.php.run(this.site, "setup.php", this.serviceUrl);
		this.posts = JsonMapper.builder().build().readValue(printed.substring(printed.indexOf('{')), Map.class);
		ProcessBuilder builder = new ProcessBuilder("php", "-S", "127.0.0.1:" + this.port, "router.php")
			.directory(this.site.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.site.resolve("server.log").toFile());
		// several workers: the browser loads a page and its assets at once
		builder.environment().put("PHP_CLI_SERVER_WORKERS", "4");
		this.server = builder.start();
		awaitUp();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.server != null) {
			this.server.descendants().forEach(ProcessHandle::destroy);
			this.server.destroy();
			this.server.waitFor(10, TimeUnit.SECONDS);
		}
		if (this.database != null) {
			this.php.run(FIXTURES, "drop-database.php", this.database);
		}
		if (this.site != null) {
			try (Stream<Path> files = Files.walk(this.site)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	/**
	 * Runs a PHP script of the site's directory (one of the fixtures) and gives its
	 * output.
	 */
	public String runInSite(String script) {
		return this.php.run(this.site, script);
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The post marked "members only" in its sidebar. */
	public String membersOnlyPost() {
		return (String) this.posts.get("members");
	}

	/** The post with [members_only] parts. */
	public String partlyProtectedPost() {
		return (String) this.posts.get("partial");
	}

	/** Every URL WordPress has asked for itself, from the first request on. */
	public List<String> outgoingRequests() {
		try {
			Path log = this.site.resolve("requests.log");
			return Files.exists(log) ? Files.readAllLines(log) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What WordPress's server printed (PHP warnings among them), for failure messages.
	 */
	public String serverLog() {
		try {
			return Files.readString(this.site.resolve("server.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private String config() {
		StringBuilder salts = new StringBuilder();
		for (String key : List.of("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT",
				"SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")) {
			salts.append("define( '%s', '%s' );\n".formatted(key, UUID.randomUUID()));
		}
		return """
				<?php
				define( 'DB_NAME', '%s' );
				define( 'DB_USER', 'root' );
				define( 'DB_PASSWORD', '' );
				define( 'DB_HOST', '127.0.0.1:3306' );
				define( 'DB_CHARSET', 'utf8mb4' );
				define( 'WP_HOME', '%s' );
				define( 'WP_SITEURL', '%s' );
				define( 'DISABLE_WP_CRON', true );
				define( 'AUTOMATIC_UPDATER_DISABLED', true );
				define( 'WP_DEBUG', true );
				define( 'WP_DEBUG_DISPLAY', false );
				define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
				define( 'SUPPORTERS_TEST_REQUEST_LOG', __DIR__ . '/requests.log' );
				%s
				$table_prefix = 'wp_';
				if ( ! defined( 'ABSPATH' ) ) {
					define( 'ABSPATH', __DIR__ . '/' );
				}
				require_once ABSPATH . 'wp-settings.php';
				""".formatted(this.database, url(""), url(""), salts);
	}

	/** The PHP debug log, where the plugin's notices and warnings would show. */
	public String debugLog() {
		try {
			Path log = this.site.resolve("debug.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitUp() throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < giveUp) {
			try {
				HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url("/wp-login.php"))).build(),
						HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		Assertions.fail("WordPress did not answer on port " + this.port + ":\n" + serverLog());
	}

	/** What is missing to run WordPress here; null when nothing is. */
	private static String missing() {
		if (Php.find("php") == null) {
			return "the php command (php-cli)";
		}
		try {
			Process mysqli = new ProcessBuilder("php", "-r", "exit(extension_loaded('mysqli') ? 0 : 1);").start();
			if (!mysqli.waitFor(30, TimeUnit.SECONDS) || mysqli.exitValue() != 0) {
				return "PHP's mysqli extension (php-mysql)";
			}
		}
		catch (IOException ex) {
			return "a php that runs";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "a php that runs";
		}
		if (!Files.isRegularFile(DEBIAN_WORDPRESS.resolve("wp-settings.php"))) {
			return "WordPress in " + DEBIAN_WORDPRESS;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
		}
		catch (IOException ex) {
			return "MariaDB on 127.0.0.1:3306";
		}
		return null;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!file.getFileName().toString().equals("wp-config.php") || !from.equals(DEBIAN_WORDPRESS)) {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}
