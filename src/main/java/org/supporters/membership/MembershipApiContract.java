package org.supporters.membership;

import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ApiProblems;

/**
 * The OpenAPI contract of the membership API at {@code /v3/api-docs} (rendered at
 * {@code /api-docs}): what springdoc reads from {@link MembershipApiController}, plus
 * what it cannot see there: the auth schemes, the ProblemDetail errors the filters
 * answer, and the shapes of the JWKS and of the answer by email. A copy is committed in
 * {@code docs/openapi.json} and compared by the tests.
 */
@Configuration(proxyBeanMethods = false)
class MembershipApiContract {

	@Bean
	OpenAPI membershipOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Supporters membership API")
				.version("v1")
				.description("Is this reader a member? For the site's pages (the reader's cookie), for the site's "
						+ "servers (an API key) and for anyone verifying the membership token (the JWKS). "
						+ "And the asks members.js shows at the end of articles and in the banner, with the "
						+ "counts it sends back."))
			// relative: the same contract for every installation
			.servers(List.of(new Server().url("/").description("this Supporters service")))
			.components(new Components()
				.addSecuritySchemes("apiKey",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API key from /staff/admin/api-keys or --create-api-key, as "
									+ "'Authorization: Bearer <key>'"))
				.addSecuritySchemes("membershipCookie",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name(MembershipCookie.NAME)
							.description("The signed-in reader's membership cookie, sent by the browser "
									+ "(CORS with credentials from SUPPORTERS_SITE_ORIGINS)")));
	}

	@Bean
	OpenApiCustomizer membershipApiErrors() {
		return (api) -> {
			// here rather than in the OpenAPI bean: springdoc drops schemas that no
			// operation refers to yet
			api.getComponents().addSchemas("Jwks", jwksSchema());
			membershipSchema(api.getComponents().getSchemas().get("Membership"));
			api.getPaths().forEach((path, item) -> describe(api, path, item));
		};
	}

	/** Every field is always there; a reader without a tier or an end date gets null. */
	private static void membershipSchema(Schema<?> membership) {
		if (membership == null) {
			return;
		}
		membership.description("What a reader is entitled to now: the membership JSON");
		membership.required(List.of("member", "status", "tier", "benefits", "validUntil"));
		Schema<?> tier = membership.getProperties().get("tier");
		tier.setTypes(new LinkedHashSet<>(List.of("string", "null")));
		tier.description("The tier's slug, or null");
		Schema<?> validUntil = membership.getProperties().get("validUntil");
		validUntil.setTypes(new LinkedHashSet<>(List.of("string", "null")));
		validUntil.description("When the entitlement ends unless renewed (whole seconds, UTC), or null");
	}

	private static void describe(OpenAPI api, String path, PathItem item) {
		Operation get = item.getGet();
		if (get == null || !(path.startsWith("/api/v1/member") || path.equals("/.well-known/jwks.json"))) {
			return;
		}
		get.setTags(List.of("membership"));
		if (path.startsWith("/api/v1/members")) {
			get.setSecurity(List.of(new SecurityRequirement().addList("apiKey")));
			get.getResponses()
				.addApiResponse("401", ApiProblems.response(api, "No API key, or not a valid one"))
				.addApiResponse("429",
						ApiProblems.response(api, "Too many wrong API keys from this address; try again later"));
		}
		if (path.equals("/api/v1/members")) {
			get.getResponses().addApiResponse("400", ApiProblems.response(api, "No email, or not an email address"));
			get.getResponses().get("200").setContent(json(new Schema<>().$ref("#/components/schemas/Membership")));
		}
		if (path.equals("/api/v1/membership")) {
			// anonymous readers get {"member":false,...}: the cookie is optional
			get.setSecurity(List.of(new SecurityRequirement().addList("membershipCookie"), new SecurityRequirement()));
		}
		if (path.equals("/.well-known/jwks.json")) {
			get.setSecurity(List.of());
			get.getResponses().get("200").setContent(json(new Schema<>().$ref("#/components/schemas/Jwks")));
		}
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType("application/json", new MediaType().schema(schema));
	}

	/** RFC 7517 key set: the EC P-256 public keys that sign membership tokens (ES256). */
	private static Schema<?> jwksSchema() {
		Schema<?> key = new ObjectSchema().addProperty("kty", new StringSchema()._enum(List.of("EC")))
			.addProperty("crv", new StringSchema()._enum(List.of("P-256")))
			.addProperty("x", new StringSchema())
			.addProperty("y", new StringSchema())
			.addProperty("kid", new StringSchema())
			.addProperty("use", new StringSchema()._enum(List.of("sig")))
			.addProperty("alg", new StringSchema()._enum(List.of("ES256")))
			.required(List.of("kty", "crv", "x", "y", "kid"));
		return new ObjectSchema().description("The public keys that verify the membership token")
			.addProperty("keys", new ArraySchema().items(key))
			.required(List.of("keys"));
	}

}
