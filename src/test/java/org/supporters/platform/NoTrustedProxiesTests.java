package org.supporters.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.supporters.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it starts with nothing set: no proxy is trusted, so X-Forwarded-For
 * changes nothing and a client cannot reset a limit by sending a new one. A context of
 * its own (closed after), as the shared one trusts the loopback proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NoTrustedProxiesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void defaults(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		// no background runs to race the other contexts' tests on the shared database
		registry.add("supporters.inbox.poll-interval", () -> "1h");
		registry.add("supporters.sandbox.billing-interval", () -> "1h");
		registry.add("supporters.pledge.expiry-interval", () -> "1h");
		registry.add("supporters.mail.retry-interval", () -> "1h");
	}

	@BeforeEach
	@AfterEach
	void forgetTheLoopbackAddressesWrongKeys() {
		// the other contexts' tests come from the loopback address too
		this.jdbc.update("delete from rate_limit_hit where bucket in ('api-key:127.0.0.1', 'api-key:0:0:0:0:0:0:0:1')");
	}

	@Test
	void xForwardedForIsIgnoredSoTheConnectionsAddressIsTheClient() {
		for (int i = 0; i < TrustedProxiesTests.WRONG_KEYS_ALLOWED; i++) {
			assertThat(TrustedProxiesTests.wrongKey(this.port, "203.0.113." + i)).isEqualTo(401);
		}

		assertThat(TrustedProxiesTests.wrongKey(this.port, "198.51.100.7")).as("a new X-Forwarded-For").isEqualTo(429);
	}

}
