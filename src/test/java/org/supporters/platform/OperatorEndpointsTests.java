package org.supporters.platform;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and a load balancer see besides the pages. */
class OperatorEndpointsTests extends IntegrationTest {

	@Test
	void theRootSendsVisitorsToTheSupportPage() {
		HttpResponse<String> root = new Reader(this.port).get("/");

		assertThat(root.statusCode()).isEqualTo(302);
		assertThat(Reader.location(root)).isEqualTo(url("/support"));
	}

	@Test
	void livenessAndReadinessProbesAnswerUpWhileTheDatabaseAnswersAndTheInboxMoves() {
		Reader probe = new Reader(this.port);
		Map<String, String> json = Map.of("Accept", "application/json");

		HttpResponse<String> liveness = probe.get("/actuator/health/liveness", json);
		HttpResponse<String> readiness = probe.get("/actuator/health/readiness", json);

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
	}

}
