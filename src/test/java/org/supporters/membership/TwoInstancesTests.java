package org.supporters.membership;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, as behind a load balancer: what one
 * instance revokes (a reader's sessions, a membership, an API key) stops on the other
 * within a second, though the other answers from what it remembers.
 */
class TwoInstancesTests extends IntegrationTest {

	private static final Map<String, String> JSON = Map.of("Accept", "application/json");

	private static final Duration WITHIN = Duration.ofSeconds(1);

	private static final int OTHER_PORT = freePort();

	private static ConfigurableApplicationContext other;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	MembershipService memberships;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTheOtherInstance() {
		other = anotherInstance(OTHER_PORT);
	}

	@AfterAll
	static void stopTheOtherInstance() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void aTokenRevokedOnOneInstanceStopsOnTheOtherWithinASecond() {
		String email = "member-" + UUID.randomUUID() + "@example.org";
		Reader laptop = new Reader(this.port);
		pledge(laptop, email);
		Reader phone = new Reader(this.port);
		pledge(phone, email);
		// the other instance confirms the phone's token with its session, then answers
		// from the token
		assertThat(membershipOnTheOther(phone)).contains("\"member\":true");
		assertThat(membershipOnTheOther(phone)).contains("\"member\":true");

		String account = laptop.get("/account").body();
		laptop.post("/account/sign-out-everywhere", account, Map.of());

		assertThat(within(WITHIN, () -> membershipOnTheOther(phone), (answer) -> answer.contains("\"member\":false")))
			.as("the phone's token on the other instance, within %s", WITHIN)
			.contains("\"member\":false", "\"status\":\"none\"");
	}

	@Test
	void theOtherInstanceAnswersFromTheTokenUntilTheReadersSessionsAreRevoked() {
		String email = "member-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		pledge(reader, email);
		assertThat(membershipOnTheOther(reader)).contains("\"member\":true");
		String supporterId = this.memberships.supporterIdOf(email).orElseThrow().toString();

		// gone behind the service's back (no notice): the token, confirmed, still answers
		this.jdbc.update("delete from spring_session where principal_name = ?", supporterId);
		assertThat(membershipOnTheOther(reader)).as("answered from the token, without the session")
			.contains("\"member\":true");

		// a refund ends the pledge: the trigger's notice reaches the other instance
		this.jdbc.update("update pledge set status = 'canceled', ended_at = now(), ended_reason = 'refunded' "
				+ "where supporter_id = ?::uuid", supporterId);

		assertThat(within(WITHIN, () -> membershipOnTheOther(reader), (answer) -> answer.contains("\"member\":false")))
			.contains("\"member\":false");
	}

	@Test
	void anApiKeyRevokedOnOneInstanceStopsOnTheOtherWithinASecond() {
		ApiKeys.CreatedKey key = this.apiKeys.create("Two instances", null);
		String path = "/api/v1/members/" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			// looked up, then remembered by the other instance
			assertThat(apiOnTheOther(path, key.secret()).statusCode()).isEqualTo(200);
		}

		assertThat(this.apiKeys.revoke(key.id())).isTrue();

		assertThat(within(WITHIN, () -> apiOnTheOther(path, key.secret()).statusCode(), (status) -> status == 401))
			.as("the revoked key on the other instance, within %s", WITHIN)
			.isEqualTo(401);
	}

	/** Asks until the answer is the expected one or the time is up; the last answer. */
	private static <T> T within(Duration limit, Supplier<T> ask, Predicate<T> expected) {
		long deadline = System.nanoTime() + limit.toNanos();
		T answer = ask.get();
		while (!expected.test(answer) && System.nanoTime() < deadline) {
			answer = ask.get();
		}
		return answer;
	}

	private static String membershipOnTheOther(Reader reader) {
		return reader.get("http://localhost:" + OTHER_PORT + "/api/v1/membership", JSON).body();
	}

	private HttpResponse<String> apiOnTheOther(String path, String key) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + OTHER_PORT + path))
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + key)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** Pledges and pays as this reader, who is then signed in on this browser. */
	private static void pledge(Reader reader, String email) {
		Map<String, String> form = new HashMap<>(
				Map.of("frequency", "monthly", "option", "tier:supporter", "email", email));
		HttpResponse<String> paid = reader.pay(reader.pledge(form), "4242 4242 4242 4242");
		assertThat(reader.get(Reader.location(paid)).body()).contains("You are now a supporter");
	}

}
