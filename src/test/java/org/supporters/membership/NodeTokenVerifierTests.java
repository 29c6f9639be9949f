package org.supporters.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.IntegrationTest;
import org.supporters.platform.SupportersProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Node/edge snippet of docs/article-pages.md (docs/examples/node, with jose from npm)
 * on the same genuine and forged tokens as the PHP verifier. Needs {@code node} and
 * {@code npm ci --prefix docs/examples/node} (done by .ci/run): skipped with a message
 * without them, failing instead when {@code CI=true}.
 */
class NodeTokenVerifierTests extends IntegrationTest {

	private static final Path EXAMPLE = Path.of("docs/examples/node").toAbsolutePath();

	@TempDir
	static Path work;

	private static TokenCases cases;

	private static Map<String, Object> results;

	@BeforeAll
	static void verifyEveryCaseInNode(@Autowired MembershipTokens tokens, @Autowired SigningKeys keys,
			@Autowired SupportersProperties properties) throws Exception {
		String missing = !onPath("node") ? "no 'node' on the PATH (apt-get install nodejs npm)"
				: !Files.isDirectory(EXAMPLE.resolve("node_modules/jose"))
						? "jose is not installed: run npm ci --prefix docs/examples/node" : null;
		if (missing != null) {
			if ("true".equals(System.getenv("CI"))) {
				fail("The Node example test needs node and jose: " + missing + "; CI=true, so it fails");
			}
			Assumptions.abort("The Node example test needs node and jose: " + missing + "; skipped");
		}
		cases = TokenCases.make(tokens, keys, properties);
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("issuer", cases.issuer());
		input.put("now", cases.now());
		input.put("jwks", cases.jwks());
		input.put("tokens", cases.tokens());
		Path file = work.resolve("cases.json");
		Files.writeString(file, TokenCases.json.writeValueAsString(input));
		results = castMap(TokenCases.json.readValue(node(file), Map.class).get("results"));
	}

	@Test
	void aTokenTheServiceSignedMakesAMemberWithItsClaims() {
		Map<String, Object> claims = castMap(results.get("valid"));
		assertThat(claims).containsEntry("iss", cases.issuer())
			.containsEntry("sub", cases.subject().toString())
			.containsEntry("tier", "supporter")
			.containsEntry("benefits", List.of("members-only", "fewer-asks"));
		assertThat(results.get("expiredWithinSkew")).as("30 s of clock skew").isNotNull();
	}

	@Test
	void everyForgedExpiredOrForeignTokenIsNotAMember() {
		for (String name : List.of("expired", "expiredBeyondSkew", "wrongIssuer", "issuerWithTrailingSlash",
				"unknownKid", "otherKeyKnownKid", "tamperedPayload", "algNone", "algNoneWithSignature",
				"hs256KeyedWithPublicJwk", "hs256KeyedWithPublicPem", "signatureOfAnotherToken", "garbage", "empty",
				"fourParts")) {
			assertThat(results).as(name).containsKey(name);
			assertThat(results.get(name)).as(name).isNull();
		}
	}

	private static String node(Path casesFile) throws IOException, InterruptedException {
		Path output = work.resolve("node.out");
		Process process = new ProcessBuilder("node", "check.mjs", casesFile.toString()).directory(EXAMPLE.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(printed).isZero();
		return printed;
	}

	private static boolean onPath(String command) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
