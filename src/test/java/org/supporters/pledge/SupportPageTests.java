package org.supporters.pledge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.supporters.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SupportPageTests extends IntegrationTest {

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void supportPageShowsTheExampleTiersWithFormattedPrices() throws Exception {
		HttpResponse<String> page = get("/support", "text/html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Friend", "Supporter", "Patron")
			.contains("€5.00", "€50.00", "€10.00", "€100.00", "€25.00", "€250.00")
			.contains("members-only", "ad-free");
	}

	@Test
	void unknownPageGetsAFriendly404() throws Exception {
		HttpResponse<String> page = get("/no-such-page", "text/html");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("We could not find that page").doesNotContain("Exception", "Whitelabel");
	}

	@Test
	void unknownPathAskedForJsonGetsAProblemDetail() throws Exception {
		HttpResponse<String> answer = get("/api/v1/no-such-thing", "application/json");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"status\":404", "\"title\":\"Not Found\"",
				"There is nothing at this address");
	}

	@Test
	void healthIsUpWhenTheDatabaseAnswers() throws Exception {
		HttpResponse<String> health = get("/actuator/health", "application/json");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
