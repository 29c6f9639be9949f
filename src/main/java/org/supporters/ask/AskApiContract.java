package org.supporters.ask;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ApiProblems;

/**
 * The ask endpoints in the OpenAPI contract: the shapes springdoc cannot read from
 * {@link LiveAskController} (which fields are always there, which may be null) and from
 * {@link AskEventController} (which reads its body itself, to bound it), with their
 * ProblemDetail errors. Both are open to any origin and need no credentials.
 */
@Configuration(proxyBeanMethods = false)
class AskApiContract {

	private static final String SCHEMAS = "#/components/schemas/";

	@Bean
	OpenApiCustomizer askApi() {
		return (api) -> {
			api.getComponents()
				.addSchemas("LiveAsks", liveAsks())
				.addSchemas("LiveAsk", liveAsk())
				.addSchemas("LiveVariant", liveVariant())
				.addSchemas("TickerProgress", ticker())
				.addSchemas("AskEvents", askEvents());
			PathItem live = api.getPaths().get(AskSecurity.LIVE);
			if (live != null && live.getGet() != null) {
				describeLive(live.getGet());
			}
			PathItem events = api.getPaths().get(AskSecurity.EVENTS);
			if (events != null && events.getPost() != null) {
				describeEvents(api, events.getPost());
			}
		};
	}

	private static void describeLive(Operation get) {
		get.setTags(List.of("asks"));
		get.setOperationId("liveAsks");
		get.setSecurity(List.of());
		get.summary("The live asks and the targeting settings, the same for every reader");
		get.description("members.js reads this to show an ask at the end of articles or in a banner. "
				+ "Any origin may read it (CORS *), without credentials; caches may keep it for 60 seconds.");
		get.getResponses()
			.get("200")
			.description("The live asks")
			.setContent(json("application/json", ref("LiveAsks")));
	}

	private static void describeEvents(OpenAPI api, Operation post) {
		post.setTags(List.of("asks"));
		post.setOperationId("askEvents");
		post.setSecurity(List.of());
		post.summary("Counts what readers did with an ask: shown, clicked, closed");
		post.description("A batch of aggregate events, no identifier and no cookie, from any origin. "
				+ "text/plain is accepted too, as a browser sends it without a preflight. Counted all or "
				+ "nothing. At most " + AskEventController.MAX_BYTES + " bytes.");
		post.setRequestBody(new RequestBody().required(true)
			.content(json("application/json", ref("AskEvents")).addMediaType("text/plain",
					new MediaType().schema(ref("AskEvents")))));
		post.setResponses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Counted"))
			.addApiResponse("400",
					ApiProblems.response(api,
							"Not the documented shape, more than " + AskEventController.MAX_EVENTS
									+ " events, larger than " + AskEventController.MAX_BYTES
									+ " bytes, or an ask, variant or placement that is not live"))
			.addApiResponse("415", ApiProblems.response(api, "Neither application/json nor text/plain"))
			.addApiResponse("429", ApiProblems.response(api, "Too many events from this address; try again later")));
	}

	private static Schema<?> liveAsks() {
		return new ObjectSchema().description("The live asks, and how members.js targets them on the reader's device")
			.addProperty("minimumArticles",
					new IntegerSchema().description("Articles read in 30 days before an ask shows"))
			.addProperty("fewerAsksDays",
					new IntegerSchema()
						.description("For readers with the fewer-asks benefit, at most one ask in " + "this many days"))
			.addProperty("closedDays", new IntegerSchema().description("A closed banner stays away this many days"))
			.addProperty("asks", new ArraySchema().items(ref("LiveAsk")))
			.required(List.of("minimumArticles", "fewerAsksDays", "closedDays", "asks"));
	}

	private static Schema<?> liveAsk() {
		Schema<?> ticker = new Schema<>().oneOf(List.of(ref("TickerProgress"), nullSchema()))
			.description("The ask's progress towards its goal, or null when it has no ticker");
		return new ObjectSchema().description("An ask live now, with its A/B variants")
			.addProperty("id", new StringSchema().format("uuid"))
			.addProperty("placement",
					new StringSchema()._enum(Arrays.stream(Placement.values()).map(Placement::code).toList()))
			.addProperty("variants", new ArraySchema().items(ref("LiveVariant")).minItems(1))
			.addProperty("ticker", ticker)
			.required(List.of("id", "placement", "variants", "ticker"));
	}

	private static Schema<?> liveVariant() {
		return new ObjectSchema().description("One variant; members.js picks one by share")
			.addProperty("key", new StringSchema().pattern("^[a-e]$"))
			.addProperty("share",
					new IntegerSchema().minimum(BigDecimal.ZERO)
						.maximum(BigDecimal.valueOf(100))
						.description("Percent of readers shown this variant"))
			.addProperty("headline", new StringSchema())
			.addProperty("body",
					new StringSchema().description("The text, with %ARTICLE_COUNT% and simple Markdown links"))
			.addProperty("button", new StringSchema().description("The button's label"))
			.required(List.of("key", "share", "headline", "body", "button"));
	}

	private static Schema<?> ticker() {
		return new ObjectSchema().description("Progress towards the ask's goal")
			.addProperty("goal", new IntegerSchema().format("int64"))
			.addProperty("progress", new IntegerSchema().format("int64"))
			.addProperty("text", new StringSchema().description(
					"The progress in words, in the reader's language (Accept-Language), e.g. 120 of 500 supporters"))
			.required(List.of("goal", "progress", "text"));
	}

	private static Schema<?> askEvents() {
		Schema<?> event = new ObjectSchema()
			.addProperty("ask",
					new StringSchema().format("uuid")
						.pattern("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
			.addProperty("variant", new StringSchema().pattern("^[a-e]$"))
			.addProperty("placement",
					new StringSchema()._enum(Arrays.stream(Placement.values()).map(Placement::code).toList()))
			.addProperty("event",
					new StringSchema()._enum(Arrays.stream(AskEvent.values()).map(AskEvent::code).toList()))
			.required(List.of("ask", "variant", "placement", "event"));
		event.setAdditionalProperties(false);
		Schema<?> batch = new ObjectSchema()
			.description("What members.js saw readers do with the asks, e.g. {\"events\":[{\"ask\":\"…\","
					+ "\"variant\":\"a\",\"placement\":\"article\",\"event\":\"shown\"}]}")
			.addProperty("events", new ArraySchema().items(event).minItems(1).maxItems(AskEventController.MAX_EVENTS))
			.required(List.of("events"));
		batch.setAdditionalProperties(false);
		return batch;
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref(SCHEMAS + name);
	}

	private static Schema<?> nullSchema() {
		Schema<?> none = new Schema<>();
		none.setTypes(new LinkedHashSet<>(List.of("null")));
		return none;
	}

	private static Content json(String type, Schema<?> schema) {
		return new Content().addMediaType(type, new MediaType().schema(schema));
	}

}
