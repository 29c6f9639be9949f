package org.supporters.membership;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.ApiContract;
import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI contract at {@code /v3/api-docs}: the committed copy in
 * {@code docs/openapi.json} is the live one (a change is a decision, made by copying it),
 * and the live answers fit its schemas.
 */
class OpenApiContractTests extends IntegrationTest {

	@Autowired
	ApiKeys keys;

	@Test
	void theLiveContractIsTheCommittedOne() throws IOException {
		String live = ApiContract.JSON.writeValueAsString(ApiContract.JSON.readTree(spec().body())) + "\n";
		Path written = Path.of("target", "openapi.json");
		Files.writeString(written, live);

		assertThat(live)
			.as("docs/openapi.json differs from the live contract; if the change is meant, run: cp " + written
					+ " docs/openapi.json")
			.isEqualTo(Files.readString(Path.of("docs", "openapi.json")));
	}

	@Test
	void liveAnswersFitTheContractsSchemas() {
		ApiContract contract = ApiContract.live(this.port);
		Reader site = new Reader(this.port).withHeader("Accept", "application/json");
		String key = this.keys.create("OpenAPI test " + UUID.randomUUID(), null).secret();
		Map<String, String> withKey = Map.of("Authorization", "Bearer " + key);

		contract.assertFits("GET", "/api/v1/membership", site.get("/api/v1/membership"), "200");
		contract.assertFits("GET", "/api/v1/members", site.get("/api/v1/members?email=nobody@example.org", withKey),
				"200");
		contract.assertFits("GET", "/api/v1/members", site.get("/api/v1/members", withKey), "400");
		contract.assertFits("GET", "/api/v1/members", site.get("/api/v1/members?email=nobody@example.org"), "401");
		contract.assertFits("GET", "/api/v1/members/{supporterId}",
				site.get("/api/v1/members/" + UUID.randomUUID(), withKey), "200");
		contract.assertFits("GET", "/.well-known/jwks.json", site.get("/.well-known/jwks.json"), "200");
	}

	@Test
	void theReferencePageForSiteDevelopersIsServedByTheService() {
		Reader developer = new Reader(this.port);

		HttpResponse<String> page = developer.get("/swagger-ui/index.html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(developer.get("/api-docs").statusCode()).isEqualTo(302);
	}

	private HttpResponse<String> spec() {
		HttpResponse<String> answer = new Reader(this.port).get("/v3/api-docs", Map.of("Accept", "application/json"));
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer;
	}

}
