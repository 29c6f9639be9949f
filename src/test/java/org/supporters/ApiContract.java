package org.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live OpenAPI contract at {@code /v3/api-docs}, and checks that what the API answers
 * (and what a client sends it) fits the contract's schemas.
 */
public final class ApiContract {

	public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	private final JsonNode spec;

	private ApiContract(JsonNode spec) {
		this.spec = spec;
	}

	/** The contract the service at this port publishes now. */
	public static ApiContract live(int port) {
		HttpResponse<String> answer = new Reader(port).get("/v3/api-docs", Map.of("Accept", "application/json"));
		assertThat(answer.statusCode()).isEqualTo(200);
		try {
			return new ApiContract(JSON.readTree(answer.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public JsonNode spec() {
		return this.spec;
	}

	/**
	 * The answer has the status, the contract describes that status of the operation, and
	 * the body fits the schema given for the answer's content type (an answer without a
	 * body fits a status described without content).
	 */
	public void assertFits(String method, String path, HttpResponse<String> answer, String status) {
		assertThat(answer.statusCode()).as(method + " " + path + " " + answer.body())
			.isEqualTo(Integer.parseInt(status));
		JsonNode response = operation(method, path).path("responses").path(status);
		assertThat(response.isObject()).as("the contract describes " + status + " of " + method + " " + path).isTrue();
		if (answer.body().isEmpty()) {
			assertThat(response.path("content").isMissingNode()).as(status + " of " + path + " has no body").isTrue();
			return;
		}
		String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0];
		assertValid(response.path("content").path(type).path("schema"), answer.body(),
				status + " of " + method + " " + path + " as " + type);
	}

	/** A request body a client sends fits the operation's schema for its type. */
	public void assertRequestFits(String method, String path, String type, String body) {
		assertValid(operation(method, path).path("requestBody").path("content").path(type).path("schema"), body,
				"the request of " + method + " " + path + " as " + type);
	}

	private JsonNode operation(String method, String path) {
		JsonNode operation = this.spec.path("paths").path(path).path(method.toLowerCase());
		assertThat(operation.isObject()).as("the contract has " + method + " " + path).isTrue();
		return operation;
	}

	private void assertValid(JsonNode schema, String body, String what) {
		assertThat(schema.isObject()).as("the contract has a schema for " + what).isTrue();
		// the schema, with the contract's components for its $refs
		ObjectNode document = JSON.createObjectNode();
		document.setAll((ObjectNode) schema.deepCopy());
		document.set("components", this.spec.path("components"));
		JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document);
		try {
			Set<ValidationMessage> errors = validator.validate(JSON.readTree(body));
			assertThat(errors).as(what + ": " + body).isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
