package org.supporters.membership;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI contract at {@code /v3/api-docs}: the committed copy in
 * {@code docs/openapi.json} is the live one (a change is a decision, made by copying it),
 * and the live answers fit its schemas.
 */
class OpenApiContractTests extends IntegrationTest {

	private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	@Autowired
	ApiKeys keys;

	@Test
	void theLiveContractIsTheCommittedOne() throws IOException {
		String live = json.writeValueAsString(json.readTree(spec().body())) + "\n";
		Path written = Path.of("target", "openapi.json");
		Files.writeString(written, live);

		assertThat(live)
			.as("docs/openapi.json differs from the live contract; if the change is meant, run: cp " + written
					+ " docs/openapi.json")
			.isEqualTo(Files.readString(Path.of("docs", "openapi.json")));
	}

	@Test
	void liveAnswersFitTheContractsSchemas() throws IOException {
		JsonNode spec = json.readTree(spec().body());
		Reader site = new Reader(this.port).withHeader("Accept", "application/json");
		String key = this.keys.create("OpenAPI test " + UUID.randomUUID(), null).secret();
		Map<String, String> withKey = Map.of("Authorization", "Bearer " + key);

		assertFits(spec, "/api/v1/membership", site.get("/api/v1/membership"), "200");
		assertFits(spec, "/api/v1/members", site.get("/api/v1/members?email=nobody@example.org", withKey), "200");
		assertFits(spec, "/api/v1/members", site.get("/api/v1/members", withKey), "400");
		assertFits(spec, "/api/v1/members", site.get("/api/v1/members?email=nobody@example.org"), "401");
		assertFits(spec, "/api/v1/members/{supporterId}", site.get("/api/v1/members/" + UUID.randomUUID(), withKey),
				"200");
		assertFits(spec, "/.well-known/jwks.json", site.get("/.well-known/jwks.json"), "200");
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

	private static void assertFits(JsonNode spec, String path, HttpResponse<String> answer, String status)
			throws IOException {
		assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(Integer.parseInt(status));
		JsonNode content = spec.path("paths").path(path).path("get").path("responses").path(status).path("content");
		assertThat(content.isObject()).as("the contract describes " + status + " of " + path).isTrue();
		String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0];
		JsonNode schema = content.path(type).path("schema");
		assertThat(schema.isObject()).as("the contract has a schema for " + type + " at " + status + " of " + path)
			.isTrue();
		// the response's schema, with the contract's components for its $refs
		ObjectNode document = json.createObjectNode();
		document.setAll((ObjectNode) schema.deepCopy());
		document.set("components", spec.path("components"));
		JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document);
		Set<ValidationMessage> errors = validator.validate(json.readTree(answer.body()));
		assertThat(errors).as(status + " of " + path + ": " + answer.body()).isEmpty();
	}

}
