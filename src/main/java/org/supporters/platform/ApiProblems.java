package org.supporters.platform;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The ProblemDetail errors in the OpenAPI contract, one schema for every module's API
 * ({@code #/components/schemas/Problem}).
 */
public final class ApiProblems {

	private static final String NAME = "Problem";

	private ApiProblems() {
	}

	/**
	 * An error answer as {@code application/problem+json}; adds the schema to the
	 * contract when it is not there yet.
	 */
	public static ApiResponse response(OpenAPI api, String description) {
		if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey(NAME)) {
			api.getComponents().addSchemas(NAME, schema());
		}
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME))));
	}

	/** RFC 9457, as the API answers it. */
	private static Schema<?> schema() {
		return new ObjectSchema().description("An error, as RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new Schema<Integer>().type("integer").example(400))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.required(List.of("title", "status"));
	}

}
