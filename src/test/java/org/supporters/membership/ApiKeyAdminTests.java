package org.supporters.membership;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins make API keys for site servers, see them used, and revoke them. */
class ApiKeyAdminTests extends IntegrationTest {

	private static final Pattern SECRET = Pattern.compile("id=\"new-key-secret\">(sk_members_[A-Za-z0-9_-]+)<");

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anAdminMakesAKeyThatWorksShownOnceThenRevokesIt() throws Exception {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String name = "Example News " + UUID.randomUUID();

		HttpResponse<String> made = admin.postForm("/staff/admin/api-keys", "/staff/admin/api-keys",
				Map.of("name", name));

		assertThat(made.statusCode()).isEqualTo(200);
		assertThat(made.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
		Matcher secret = SECRET.matcher(made.body());
		assertThat(secret.find()).as("the secret, shown once").isTrue();
		String key = secret.group(1);
		assertThat(members(key).statusCode()).isEqualTo(200);
		String list = admin.get("/staff/admin/api-keys").body();
		assertThat(list).contains(name).doesNotContain(key);
		assertThat(this.jdbc
			.queryForObject("select count(*) from spring_session_attributes where position(convert_to(?, 'UTF8') in "
					+ "attribute_bytes) > 0", Long.class, key))
			.as("the secret is in no session")
			.isZero();
		String id = this.jdbc.queryForObject("select id::text from api_key where name = ?", String.class, name);

		HttpResponse<String> revoked = admin.postForm("/staff/admin/api-keys",
				"/staff/admin/api-keys/" + id + "/revoke", Map.of());

		assertThat(Reader.location(revoked)).endsWith("/staff/admin/api-keys");
		assertThat(members(key).statusCode()).isEqualTo(401);
		assertThat(admin.get("/staff/admin/api-keys").body()).contains("Revoked the key").contains("revoked ");
		assertThat(admin.get("/staff/admin/audit").body()).contains("api-key.create", "api-key.revoke", "api-key:" + id)
			.doesNotContain(key);
	}

	@Test
	void aKeyWithoutANameIsRefusedNextToTheField() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> refused = admin.postForm("/staff/admin/api-keys", "/staff/admin/api-keys",
				Map.of("name", "   "));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Give the key a name of 1 to 100 characters")
			.doesNotContain("new-key-secret");
	}

	private HttpResponse<String> members(String key) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/members/" + UUID.randomUUID())))
			.header("Authorization", "Bearer " + key)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
