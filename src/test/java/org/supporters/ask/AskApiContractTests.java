package org.supporters.ask;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.ApiContract;
import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ask endpoints in the OpenAPI contract: what {@code GET /api/v1/asks} answers and
 * what {@code POST /api/v1/ask-events} takes and answers fit the contract's schemas.
 */
class AskApiContractTests extends IntegrationTest {

	@Autowired
	DSLContext db;

	@Autowired
	Asks asks;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void removeAsks() {
		AskFixtures.removeAll(this.db, this.asks);
	}

	@Test
	void theLiveAsksWithAndWithoutATickerFitTheContract() {
		StaffMember admin = AskFixtures.admin(this.port);
		Map<String, String> banner = AskFixtures.liveAsk("banner", "Help us reach 500");
		banner.put("tickerGoal", "500");
		banner.put("tickerFrom", banner.get("startsAt"));
		AskFixtures.create(admin, banner);
		AskFixtures.create(admin, AskFixtures.withVariantB(AskFixtures.liveAsk("article", "Read on"), 50, "Or give"));
		this.asks.forget();

		HttpResponse<String> live = new Reader(this.port).get("/api/v1/asks", Map.of("Accept", "application/json"));

		ApiContract.live(this.port).assertFits("GET", "/api/v1/asks", live, "200");
		assertThat(live.body()).contains("\"ticker\":{\"goal\":500").contains("\"ticker\":null");
	}

	@Test
	void askEventsAndTheAnswersToThemFitTheContract() {
		StaffMember admin = AskFixtures.admin(this.port);
		UUID ask = AskFixtures.create(admin, AskFixtures.liveAsk("article", "Counted"));
		this.asks.forget();
		ApiContract contract = ApiContract.live(this.port);
		String batch = "{\"events\":[" + event(ask, "a", "shown") + "," + event(ask, "a", "clicked") + "]}";

		contract.assertRequestFits("POST", "/api/v1/ask-events", "application/json", batch);
		contract.assertRequestFits("POST", "/api/v1/ask-events", "text/plain", batch);
		contract.assertFits("POST", "/api/v1/ask-events", post(batch, "text/plain"), "204");
		contract.assertFits("POST", "/api/v1/ask-events", post(batch, "application/json"), "204");
		contract.assertFits("POST", "/api/v1/ask-events", post("{\"events\":[]}", "application/json"), "400");
		contract.assertFits("POST", "/api/v1/ask-events",
				post("{\"events\":[" + event(UUID.randomUUID(), "a", "shown") + "]}", "application/json"), "400");
		contract.assertFits("POST", "/api/v1/ask-events", post(batch, "application/xml"), "415");
	}

	private static String event(UUID ask, String variant, String event) {
		return "{\"ask\":\"" + ask + "\",\"variant\":\"" + variant + "\",\"placement\":\"article\",\"event\":\"" + event
				+ "\"}";
	}

	private HttpResponse<String> post(String body, String type) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/ask-events")))
				.header("Content-Type", type)
				.header("Origin", "https://any-site.example")
				.header("X-Forwarded-For", "203.0.113.91")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
