package org.supporters.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.IntegrationTest;
import org.supporters.Php;
import org.supporters.platform.SupportersProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WordPress plugin's PHP verifier (includes/class-supporters-token-verifier.php, run
 * on its own by the php command line) on tokens this service signed with its own keys,
 * and on forgeries, against the JWKS the service publishes.
 */
class WordPressTokenVerifierTests extends IntegrationTest {

	@RegisterExtension
	static final Php php = new Php();

	@TempDir
	static Path work;

	private static TokenCases cases;

	private static Map<String, Object> results;

	private static Map<String, Object> refreshes;

	@BeforeAll
	static void verifyEveryCaseInPhp(@Autowired MembershipTokens tokens, @Autowired SigningKeys keys,
			@Autowired SupportersProperties properties) throws Exception {
		cases = TokenCases.make(tokens, keys, properties);
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("verifier", Php.PLUGIN.resolve("includes/class-supporters-token-verifier.php").toString());
		input.put("issuer", cases.issuer());
		input.put("now", cases.now());
		input.put("jwks", cases.jwks());
		input.put("tokens", cases.tokens());
		Path file = work.resolve("cases.json");
		Files.writeString(file, TokenCases.json.writeValueAsString(input));
		Path script = Path.of("src/test/resources/wordpress/verify-tokens.php").toAbsolutePath();
		Map<String, Object> answer = castMap(
				TokenCases.json.readValue(php.run(work, script.toString(), file.toString()), Map.class));
		results = castMap(answer.get("results"));
		refreshes = castMap(answer.get("refreshes"));
	}

	@Test
	void aTokenTheServiceSignedMakesAMemberWithItsClaims() {
		assertThat(results.get("valid")).isInstanceOf(Map.class);
		Map<String, Object> claims = castMap(results.get("valid"));
		assertThat(claims).containsEntry("iss", cases.issuer())
			.containsEntry("sub", cases.subject().toString())
			.containsEntry("status", "active")
			.containsEntry("tier", "supporter")
			.containsEntry("benefits", List.of("members-only", "fewer-asks"));
		assertThat(refreshes.get("valid")).as("a known kid fetches no keys").isEqualTo(0);
	}

	@Test
	void anExpiredTokenIsNotAMember() {
		assertThat(results.get("expired")).isNull();
		assertThat(results.get("expiredBeyondSkew")).isNull();
	}

	@Test
	void aTokenExpiredSecondsAgoStillCountsForClockSkew() {
		assertThat(results.get("expiredWithinSkew")).isInstanceOf(Map.class);
	}

	@Test
	void aTokenFromAnotherIssuerIsNotAMember() {
		assertThat(results.get("wrongIssuer")).isNull();
		assertThat(results.get("issuerWithTrailingSlash")).isNull();
	}

	@Test
	void anUnknownKidIsNotAMemberAfterAskingForFreshKeysOnce() {
		assertThat(results.get("unknownKid")).isNull();
		assertThat(refreshes.get("unknownKid")).isEqualTo(1);
	}

	@Test
	void aTamperedPayloadIsNotAMember() {
		assertThat(results.get("tamperedPayload")).isNull();
		assertThat(results.get("signatureOfAnotherToken")).isNull();
	}

	@Test
	void anUnsignedAlgNoneTokenIsNotAMember() {
		assertThat(results.get("algNone")).isNull();
		assertThat(results.get("algNoneWithSignature")).isNull();
	}

	@Test
	void anHs256TokenKeyedWithThePublicKeyIsNotAMember() {
		assertThat(results.get("hs256KeyedWithPublicJwk")).isNull();
		assertThat(results.get("hs256KeyedWithPublicPem")).isNull();
	}

	@Test
	void aTokenSignedByAnotherKeyUnderAKnownKidIsNotAMember() {
		assertThat(results.get("otherKeyKnownKid")).isNull();
	}

	@Test
	void malformedTokensAreNotMembersAndNoError() {
		assertThat(results.get("garbage")).isNull();
		assertThat(results.get("empty")).isNull();
		assertThat(results.get("fourParts")).isNull();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
