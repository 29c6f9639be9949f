package org.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a free port, on real PostgreSQL. The port is chosen before start
 * so that the public URL (used in provider return addresses) points at it. Subclasses
 * share one application context, so they use their own data (distinct emails, slugs)
 * rather than clean the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class IntegrationTest {

	protected static final int PORT = freePort();

	/** A local news site's port (the WordPress tests run one there), also allowed. */
	protected static final int SITE_PORT = freePort();

	/** A news site's origin the membership API allows (besides the service's own). */
	protected static final String SITE_ORIGIN = "https://news.example.com";

	/** The first staff admin, created from the environment at start-up. */
	public static final String ADMIN_EMAIL = "admin@supporters.test";

	public static final String ADMIN_PASSWORD = "correct horse battery staple";

	/** What opens /actuator/prometheus. */
	public static final String METRICS_TOKEN = "metrics-token-for-the-tests-0123456789abcdef";

	protected final int port = PORT;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		settings().forEach(registry::add);
	}

	/**
	 * Another instance of the service on the same database and public URL (as behind one
	 * load balancer), answering on its own port; the caller closes it.
	 */
	protected static ConfigurableApplicationContext anotherInstance(int port) {
		Map<String, Object> properties = new LinkedHashMap<>();
		settings().forEach((name, value) -> properties.put(name, value.get()));
		properties.put("server.port", port);
		return new SpringApplicationBuilder(SupportersApplication.class).properties(properties).run();
	}

	private static Map<String, Supplier<Object>> settings() {
		TestDatabase.Connection database = TestDatabase.connection();
		Map<String, Supplier<Object>> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", database::url);
		settings.put("spring.datasource.username", database::username);
		settings.put("spring.datasource.password", database::password);
		settings.put("server.port", () -> PORT);
		settings.put("supporters.public-url", () -> "http://localhost:" + PORT);
		settings.put("supporters.site-origins",
				() -> "http://localhost:" + PORT + "," + SITE_ORIGIN + ",http://localhost:" + SITE_PORT);
		settings.put("spring.mail.host", () -> "127.0.0.1");
		settings.put("spring.mail.port", TestMail::port);
		// tests drive the inbox, renewals and expiry themselves; background runs would
		// race them
		settings.put("supporters.inbox.poll-interval", () -> "1h");
		settings.put("supporters.sandbox.billing-interval", () -> "1h");
		settings.put("supporters.pledge.expiry-interval", () -> "1h");
		settings.put("supporters.mail.retry-interval", () -> "1h");
		settings.put("supporters.mail.notice-interval", () -> "1h");
		settings.put("supporters.import.campaign-interval", () -> "1h");
		// tests come from other client addresses through the loopback "proxy"
		settings.put("supporters.trusted-proxies", () -> "127.0.0.0/8,::1/128");
		settings.put("supporters.admin.email", () -> ADMIN_EMAIL);
		settings.put("supporters.admin.password", () -> ADMIN_PASSWORD);
		settings.put("supporters.metrics.token", () -> METRICS_TOKEN);
		// webhook tests deliver to receivers on this machine
		settings.put("supporters.webhooks.allow-private", () -> "true");
		settings.put("supporters.webhooks.delivery-interval", () -> "1h");
		settings.put("supporters.webhooks.lapse-interval", () -> "1h");
		settings.put("supporters.webhooks.request-timeout", () -> "2s");
		// the country header a site's own proxy sets (SUPPORTERS_COUNTRY_HEADER)
		settings.put("supporters.country-header", () -> "X-Test-Country");
		return settings;
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
