package org.supporters.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.supporters.platform.StartupBanner.Facts;

import static org.assertj.core.api.Assertions.assertThat;

/** The banner for set-ups other than the first run (which FirstRunTests shows). */
class StartupBannerTests {

	@Test
	void liveStripeKeyAndAnExternalDatabaseAreNamedWithoutTheirSecrets() {
		String banner = StartupBanner.text(new Facts("https://members.example.com", "sk_live_0123456789",
				"jdbc:postgresql://supporters:s3cret@db.internal:5432/supporters?password=s3cret", Path.of("/srv/var"),
				true, true, null, List.of()));

		assertThat(banner)
			.contains("Stripe, LIVE key: real money", "PostgreSQL at jdbc:postgresql://db.internal:5432/supporters",
					"https://members.example.com/actuator/prometheus with the bearer token SUPPORTERS_METRICS_TOKEN")
			.doesNotContain("s3cret", "sk_live_0123456789", "/dev/mailbox", "sandbox");
	}

	@Test
	void testKeyAndAManagementPortAreNamed() {
		String banner = StartupBanner.text(new Facts("http://localhost:8080", "sk_test_abc", null, Path.of("/srv/var"),
				false, false, "9090", List.of()));

		assertThat(banner).contains("Stripe, test key", "embedded PostgreSQL in /srv/var/postgres",
				"port 9090 /actuator/prometheus closed: set SUPPORTERS_METRICS_TOKEN");
	}

}
