package org.supporters.webhook;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.supporters.IntegrationTest;
import org.supporters.StaffMember;
import org.supporters.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page with webhooks to private addresses not allowed, as the service starts
 * with nothing set: such a URL gets its message next to the field and nothing is stored.
 * A context of its own (closed after), as the shared one allows them for its local
 * receivers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PrivateWebhookAddressesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void defaults(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		// the same first admin as the shared context's, whichever starts first
		registry.add("supporters.admin.email", () -> IntegrationTest.ADMIN_EMAIL);
		registry.add("supporters.admin.password", () -> IntegrationTest.ADMIN_PASSWORD);
		// no background runs to race the other contexts' tests on the shared database
		registry.add("supporters.inbox.poll-interval", () -> "1h");
		registry.add("supporters.sandbox.billing-interval", () -> "1h");
		registry.add("supporters.pledge.expiry-interval", () -> "1h");
		registry.add("supporters.mail.retry-interval", () -> "1h");
		registry.add("supporters.mail.notice-interval", () -> "1h");
		registry.add("supporters.import.campaign-interval", () -> "1h");
		registry.add("supporters.webhooks.delivery-interval", () -> "1h");
		registry.add("supporters.webhooks.lapse-interval", () -> "1h");
	}

	@Test
	void urlsOfLoopbackOrPrivateAddressesAreRefusedNextToTheFieldAndNothingIsStored() {
		StaffMember admin = StaffMember.signedIn(this.port, IntegrationTest.ADMIN_EMAIL,
				IntegrationTest.ADMIN_PASSWORD);
		for (String url : new String[] { "http://127.0.0.1:" + this.port + "/actuator/health", "http://localhost/hooks",
				"http://10.0.0.8/hooks", "https://192.168.1.1/hooks", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/hooks" }) {
			HttpResponse<String> refused = admin.postForm("/staff/admin/webhooks", "/staff/admin/webhooks",
					Map.of("url", url, "events", "membership.changed"));

			assertThat(refused.statusCode()).as(url).isEqualTo(400);
			assertThat(refused.body()).as(url)
				.contains("id=\"url-error\"")
				.contains("resolves to a private, loopback or link-local address: webhooks go to public hosts only")
				.doesNotContain("new-webhook-secret");
			assertThat(this.jdbc.queryForObject("select count(*) from webhook_endpoint where url = ?", Long.class, url))
				.as(url)
				.isZero();
		}
	}

}
