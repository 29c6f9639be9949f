package org.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.boot.test.context.SpringBootTest;
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
		TestDatabase.register(registry);
		registry.add("server.port", () -> PORT);
		registry.add("supporters.public-url", () -> "http://localhost:" + PORT);
		registry.add("supporters.site-origins",
				() -> "http://localhost:" + PORT + "," + SITE_ORIGIN + ",http://localhost:" + SITE_PORT);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMail::port);
		// tests drive the inbox, renewals and expiry themselves; background runs would
		// race them
		registry.add("supporters.inbox.poll-interval", () -> "1h");
		registry.add("supporters.sandbox.billing-interval", () -> "1h");
		registry.add("supporters.pledge.expiry-interval", () -> "1h");
		registry.add("supporters.mail.retry-interval", () -> "1h");
		registry.add("supporters.mail.notice-interval", () -> "1h");
		registry.add("supporters.import.campaign-interval", () -> "1h");
		// tests come from other client addresses through the loopback "proxy"
		registry.add("supporters.trusted-proxies", () -> "127.0.0.0/8,::1/128");
		registry.add("supporters.admin.email", () -> ADMIN_EMAIL);
		registry.add("supporters.admin.password", () -> ADMIN_PASSWORD);
		registry.add("supporters.metrics.token", () -> METRICS_TOKEN);
		// webhook tests deliver to receivers on this machine
		registry.add("supporters.webhooks.allow-private", () -> "true");
		registry.add("supporters.webhooks.delivery-interval", () -> "1h");
		registry.add("supporters.webhooks.lapse-interval", () -> "1h");
		registry.add("supporters.webhooks.request-timeout", () -> "2s");
		// the country header a site's own proxy sets (SUPPORTERS_COUNTRY_HEADER)
		registry.add("supporters.country-header", () -> "X-Test-Country");
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
