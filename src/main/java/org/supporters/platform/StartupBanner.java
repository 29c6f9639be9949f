package org.supporters.platform;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import org.supporters.platform.StartupNote.StartupCommand;

/**
 * One short block in the log once the service is ready: the URL of each face, the
 * provider, where the data lives, and what the operator must still do (the modules'
 * {@link StartupNote}s). Nothing secret: no key, no password, no credentials in a URL.
 */
@Component
class StartupBanner {

	private static final Logger logger = LoggerFactory.getLogger(StartupBanner.class);

	private final SupportersProperties properties;

	private final OperationsProperties operations;

	private final Environment environment;

	private final ObjectProvider<StartupNote> notes;

	StartupBanner(SupportersProperties properties, OperationsProperties operations, Environment environment,
			ObjectProvider<StartupNote> notes) {
		this.properties = properties;
		this.operations = operations;
		this.environment = environment;
		this.notes = notes;
	}

	@EventListener(ApplicationReadyEvent.class)
	void show() {
		logger.info("{}", text());
	}

	/** The banner as it is logged. */
	String text() {
		String stripeKey = this.environment.getProperty("stripe.secret-key");
		String databaseUrl = this.environment.getProperty("spring.datasource.url");
		boolean smtp = StringUtils.hasText(this.environment.getProperty("spring.mail.host"));
		StartupCommand command = command();
		List<String> notes = this.notes.orderedStream()
			.map((note) -> note.note(command))
			.flatMap(Optional::stream)
			.toList();
		return text(
				new Facts(publicUrl(), stripeKey, databaseUrl, this.properties.dataDir().toAbsolutePath().normalize(),
						smtp, StringUtils.hasText(this.environment.getProperty("supporters.metrics.token")),
						this.environment.getProperty("management.server.port"), notes));
	}

	/**
	 * The public URL; while it is left at its default, the port the server really took
	 * (e.g. {@code --server.port=8081}).
	 */
	private String publicUrl() {
		String port = this.environment.getProperty("local.server.port");
		if (!this.environment.containsProperty("supporters.public-url") && port != null) {
			return "http://localhost:" + port;
		}
		return this.properties.publicUri().toString();
	}

	static String text(Facts facts) {
		boolean sandbox = !StringUtils.hasText(facts.stripeKey());
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("Supporters is ready at " + facts.publicUrl());
		lines.add(row("Support page", facts.publicUrl() + "/support"));
		lines.add(row("Staff", facts.publicUrl() + "/staff"));
		lines.add(row("Demo article", facts.publicUrl() + "/demo/article"));
		if (sandbox) {
			lines.add(row("Mailbox", facts.publicUrl() + "/dev/mailbox"
					+ (facts.smtp() ? " (mails also go to SMTP)" : " (no SMTP server set: mails stay here)")));
			lines.add(row("Provider", "sandbox, offline test mode: no money moves (set STRIPE_SECRET_KEY for Stripe)"));
		}
		else {
			boolean live = facts.stripeKey().startsWith("sk_live_") || facts.stripeKey().startsWith("rk_live_");
			lines.add(row("Provider", live ? "Stripe, LIVE key: real money" : "Stripe, test key"));
		}
		lines.add(row("Data",
				StringUtils.hasText(facts.databaseUrl()) ? "PostgreSQL at " + withoutCredentials(facts.databaseUrl())
						: "embedded PostgreSQL in " + facts.dataDir().resolve("postgres") + " (SUPPORTERS_DATA_DIR)"));
		lines.add(row("Metrics", metrics(facts)));
		facts.notes().forEach((note) -> lines.add("  " + note.replace("\n", "\n  ")));
		return String.join("\n", lines);
	}

	private static String metrics(Facts facts) {
		String path = (facts.managementPort() != null) ? "port " + facts.managementPort() + " /actuator/prometheus"
				: facts.publicUrl() + "/actuator/prometheus";
		return path + (facts.metricsToken() ? " with the bearer token SUPPORTERS_METRICS_TOKEN"
				: " closed: set SUPPORTERS_METRICS_TOKEN to open it");
	}

	private static String row(String label, String value) {
		return String.format("  %-13s %s", label, value);
	}

	/** A JDBC URL as it may be shown: no user, password or parameters. */
	static String withoutCredentials(String jdbcUrl) {
		String url = jdbcUrl;
		int query = url.indexOf('?');
		if (query >= 0) {
			url = url.substring(0, query);
		}
		int scheme = url.indexOf("//");
		int at = url.indexOf('@');
		if (scheme >= 0 && at > scheme) {
			url = url.substring(0, scheme + 2) + url.substring(at + 1);
		}
		return url;
	}

	/** How this JVM was started, so that a note can say what to run next. */
	static StartupCommand command() {
		Path source = Optional.ofNullable(new ApplicationHome(StartupBanner.class).getSource())
			.map(File::toPath)
			.orElse(null);
		if (source != null && source.getFileName().toString().endsWith(".jar")) {
			Path here = Path.of("").toAbsolutePath();
			Path jar = source.toAbsolutePath();
			return new StartupCommand("java -jar " + (jar.startsWith(here) ? here.relativize(jar) : jar), false);
		}
		return new StartupCommand("./mvnw spring-boot:run -Dspring-boot.run.arguments=", true);
	}

	record Facts(String publicUrl, String stripeKey, String databaseUrl, Path dataDir, boolean smtp,
			boolean metricsToken, String managementPort, List<String> notes) {
	}

}
