package org.supporters.membership;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

import org.supporters.Reader;
import org.supporters.platform.SupportersProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens for the verifiers a site server runs (the WordPress plugin's PHP, the Node
 * example): genuine ones signed by this service's own signing code, and forgeries, with
 * the JWKS the running service publishes.
 *
 * @param tokens by case name: valid, expired, wrongIssuer, unknownKid, tamperedPayload,
 * algNone, hs256KeyedWithPublicJwk, otherKeyKnownKid and more
 */
record TokenCases(String issuer, UUID subject, long now, Map<String, Object> jwks, Map<String, String> tokens) {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final Membership SUPPORTER = new Membership(true, MembershipStatus.ACTIVE, "supporter",
			List.of("members-only", "fewer-asks"), Instant.now().plus(Duration.ofDays(30)));

	@SuppressWarnings("unchecked")
	static TokenCases make(MembershipTokens tokens, SigningKeys keys, SupportersProperties properties)
			throws Exception {
		UUID subject = UUID.randomUUID();
		String issuer = properties.publicUri().toString();
		Instant now = Instant.now();
		String jwksJson = new Reader(properties.publicUri().getPort()).get("/.well-known/jwks.json", Map.of()).body();
		SigningKeys.Signing signing = keys.signing();
		ECKey other = new ECKeyGenerator(Curve.P_256).keyID("unknown-" + UUID.randomUUID()).generate();
		ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(signing.kid()).generate();
		String valid = tokens.issue(subject, SUPPORTER, now).orElseThrow().token();
		String[] parts = valid.split("\\.");
		String publicJwk = ((List<?>) json.readValue(jwksJson, Map.class).get("keys")).stream()
			.map((key) -> json.writeValueAsString(key))
			.filter((key) -> key.contains(signing.kid()))
			.findFirst()
			.orElseThrow();

		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("valid", valid);
		cases.put("expired", tokens.issue(subject, SUPPORTER, now.minus(Duration.ofHours(2))).orElseThrow().token());
		cases.put("expiredWithinSkew", sign(subject, signing.kid(), signing.signer(), issuer, now.minusSeconds(10)));
		cases.put("expiredBeyondSkew", sign(subject, signing.kid(), signing.signer(), issuer, now.minusSeconds(120)));
		cases.put("wrongIssuer",
				sign(subject, signing.kid(), signing.signer(), "https://evil.example", now.plusSeconds(600)));
		cases.put("issuerWithTrailingSlash",
				sign(subject, signing.kid(), signing.signer(), issuer + "/", now.plusSeconds(600)));
		cases.put("unknownKid", sign(subject, other.getKeyID(), new ECDSASigner(other), issuer, now.plusSeconds(600)));
		cases.put("otherKeyKnownKid",
				sign(subject, impostor.getKeyID(), new ECDSASigner(impostor), issuer, now.plusSeconds(600)));
		String richer = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(
				"\"benefits\":[\"members-only\",\"fewer-asks\"]",
				"\"benefits\":[\"members-only\",\"fewer-asks\",\"ad-free\"]");
		assertThat(richer).contains("ad-free");
		cases.put("tamperedPayload", parts[0] + "." + base64url(richer) + "." + parts[2]);
		String none = base64url("{\"alg\":\"none\",\"kid\":\"" + signing.kid() + "\"}");
		cases.put("algNone", none + "." + parts[1] + ".");
		cases.put("algNoneWithSignature", none + "." + parts[1] + "." + parts[2]);
		String hs256 = base64url("{\"alg\":\"HS256\",\"kid\":\"" + signing.kid() + "\",\"typ\":\"JWT\"}");
		cases.put("hs256KeyedWithPublicJwk", hs256 + "." + parts[1] + "." + hmac(hs256 + "." + parts[1], publicJwk));
		cases.put("hs256KeyedWithPublicPem",
				hs256 + "." + parts[1] + "." + hmac(hs256 + "." + parts[1], pem(json.readValue(publicJwk, Map.class))));
		cases.put("signatureOfAnotherToken", parts[0] + "." + parts[1] + "."
				+ tokens.issue(UUID.randomUUID(), SUPPORTER, now).orElseThrow().token().split("\\.")[2]);
		cases.put("garbage", "not a token");
		cases.put("empty", "");
		cases.put("fourParts", valid + ".x");

		return new TokenCases(issuer, subject, now.getEpochSecond(), json.readValue(jwksJson, Map.class), cases);
	}

	private static String sign(UUID subject, String kid, ECDSASigner signer, String iss, Instant expires)
			throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss)
			.subject(subject.toString())
			.claim("status", "active")
			.claim("tier", "supporter")
			.claim("benefits", List.of("members-only"))
			.issueTime(Date.from(expires.minusSeconds(600)))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(signer);
		return jwt.serialize();
	}

	private static String hmac(String signingInput, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	/** The public key as PEM, the secret a naive HS256 verifier would use. */
	private static String pem(Map<?, ?> jwk) throws Exception {
		ECKey key = ECKey.parse(json.writeValueAsString(jwk));
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.toECPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
	}

	private static String base64url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
