package org.supporters.membership;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.TierChange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership JSON for the browser (session cookie, CORS) and for site servers (API
 * keys), the signed token in its cookie, and the JWKS that verifies it.
 */
class MembershipApiTests extends IntegrationTest {

	private static final Map<String, String> JSON = Map.of("Accept", "application/json");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MembershipTokens tokens;

	@Autowired
	SigningKeys keys;

	@Autowired
	MembershipService memberships;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	ApiKeyCommand command;

	@Autowired
	Clock clock;

	@Autowired
	MembershipCache cache;

	@Autowired
	Catalog catalog;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anAnonymousReaderIsNotAMemberAndGetsNoCookies() {
		HttpResponse<String> answer = new Reader(this.port).get("/api/v1/membership", JSON);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body())
			.isEqualTo("{\"member\":false,\"status\":\"none\",\"tier\":null,\"benefits\":[],\"validUntil\":null}");
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(answer.headers().allValues("Set-Cookie")).as("no session, and no form token for a JSON answer")
			.noneMatch((cookie) -> cookie.startsWith("SESSION=") || cookie.startsWith("XSRF-TOKEN="));
	}

	@Test
	void aSignedInMemberGetsTheContractJsonAndTheTokenCookie() {
		Reader reader = new Reader(this.port);
		String email = pledge(reader, "monthly", "tier:supporter");
		String validUntil = this.jdbc.queryForObject("""
				select to_char(current_period_end at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
				from pledge p join supporter s on s.id = p.supporter_id where s.email = ?""", String.class, email);
		String benefits = this.jdbc
			.queryForObject("select array_to_json(benefits)::text from tier where slug = 'supporter'", String.class);

		HttpResponse<String> answer = reader.get("/api/v1/membership", JSON);

		assertThat(answer.body())
			.isEqualTo("{\"member\":true,\"status\":\"active\",\"tier\":\"supporter\",\"benefits\":" + benefits
					+ ",\"validUntil\":\"" + validUntil + "\"}");
	}

	@Test
	void theTokenCookieCarriesTheClaimsAndVerifiesWithThePublishedKeys() throws Exception {
		Reader reader = new Reader(this.port);
		String email = "member-" + UUID.randomUUID() + "@example.org";
		HttpResponse<String> thanks = thanks(reader, email, "yearly", "tier:patron");
		UUID supporterId = this.memberships.supporterIdOf(email).orElseThrow();
		Membership membership = this.memberships.membershipOf(supporterId);

		String cookie = thanks.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("supporters_membership="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no token cookie after checkout"));
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");

		SignedJWT jwt = SignedJWT.parse(value(cookie));
		JWKSet jwks = JWKSet.parse(new Reader(this.port).get("/.well-known/jwks.json", JSON).body());
		assertThat(jwks.getKeys()).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
		ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the token's kid is published").isNotNull();
		assertThat(key.getCurve()).isEqualTo(Curve.P_256);
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(url(""));
		assertThat(claims.getSubject()).isEqualTo(supporterId.toString());
		assertThat(claims.getStringClaim("status")).isEqualTo("active");
		assertThat(claims.getStringClaim("tier")).isEqualTo("patron");
		assertThat(claims.getStringListClaim("benefits")).isEqualTo(membership.benefits());
		Instant now = this.clock.instant();
		assertThat(claims.getExpirationTime().toInstant()).isAfter(now)
			.isBeforeOrEqualTo(now.plus(Duration.ofHours(1)))
			.isBeforeOrEqualTo(membership.validUntil());
	}

	@Test
	void aMembershipCallSignsNothingWhileTheTokenFits() {
		Reader reader = new Reader(this.port);
		pledge(reader, "monthly", "tier:friend");

		HttpResponse<String> first = reader.get("/api/v1/membership", JSON);
		HttpResponse<String> second = reader.get("/api/v1/membership", JSON);

		assertThat(second.body()).isEqualTo(first.body()).contains("\"member\":true");
		assertThat(second.headers().allValues("Set-Cookie"))
			.noneMatch((cookie) -> cookie.startsWith("supporters_membership="));
	}

	@Test
	void aTokenIsReissuedWhenItNoLongerMatchesTheMembership() throws Exception {
		Reader reader = new Reader(this.port);
		String email = pledge(reader, "one-off", "preset:1000");
		assertThat(reader.get("/api/v1/membership", JSON).body()).contains("\"status\":\"contributor\"");
		UUID supporterId = this.memberships.supporterIdOf(email).orElseThrow();

		this.memberships.grantComp(supporterId, "patron", this.clock.instant().plus(Duration.ofDays(30)),
				"Thanks for the tip-off", null);
		HttpResponse<String> after = reader.get("/api/v1/membership", JSON);

		assertThat(after.body()).contains("\"status\":\"comp\"", "\"tier\":\"patron\"");
		String cookie = after.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("supporters_membership="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no new token"));
		assertThat(SignedJWT.parse(value(cookie)).getJWTClaimsSet().getStringClaim("status")).isEqualTo("comp");
	}

	@Test
	void aChangeToTheReadersPledgesReachesTheMembershipCheckAtOnce() throws InterruptedException {
		Reader reader = new Reader(this.port);
		String email = pledge(reader, "monthly", "tier:supporter");
		assertThat(reader.get("/api/v1/membership", JSON).body()).contains("\"status\":\"active\"");

		this.jdbc.update("""
				update pledge set status = 'canceled', ended_at = now(), ended_reason = 'refunded'
				where supporter_id = (select id from supporter where email = ?)""", email);

		String answer = "";
		for (int i = 0; i < 40 && !answer.contains("\"member\":false"); i++) {
			Thread.sleep(50);
			answer = reader.get("/api/v1/membership", JSON).body();
		}
		assertThat(answer).as("well within the cache's %s", MembershipCache.TIME_TO_LIVE)
			.contains("\"member\":false", "\"status\":\"none\"");
	}

	@Test
	void theMembershipCheckDerivesFromPostgreSQLAtMostOncePerInterval() throws InterruptedException {
		Reader reader = new Reader(this.port);
		String email = pledge(reader, "one-off", "preset:500");
		UUID supporterId = this.memberships.supporterIdOf(email).orElseThrow();
		String slug = "cache-" + UUID.randomUUID().toString().substring(0, 8);
		long tierId = this.catalog.createTier(cacheTestTier(slug, List.of("members-only"))).orElseThrow();
		this.catalog.setOffered(this.catalog.tier(tierId).orElseThrow(), false);
		this.memberships.grantComp(supporterId, slug, this.clock.instant().plus(Duration.ofDays(3)), "Cache test",
				null);
		// the comp's own change notice reaches the cache first
		Thread.sleep(500);
		assertThat(this.cache.membershipOf(supporterId).benefits()).containsExactly("members-only");

		// a tier's benefits are not a supporter's pledges: nothing tells the cache
		this.catalog.updateTier(this.catalog.tier(tierId).orElseThrow(),
				cacheTestTier(slug, List.of("members-only", "ad-free")));

		assertThat(this.memberships.membershipOf(supporterId).benefits()).containsExactly("members-only", "ad-free");
		assertThat(this.cache.membershipOf(supporterId).benefits()).as("served from the cache")
			.containsExactly("members-only");
	}

	@Test
	void aTokenPastHalfItsLifeNoLongerFits() {
		UUID supporterId = UUID.randomUUID();
		Instant now = Instant.parse("2026-03-01T12:00:00Z");
		Membership membership = new Membership(true, MembershipStatus.ACTIVE, "supporter", List.of("members-only"),
				now.plus(Duration.ofDays(20)));
		MembershipTokens.Issued issued = this.tokens.issue(supporterId, membership, now).orElseThrow();
		MembershipTokens.TokenClaims claims = this.tokens.verify(issued.token(), now).orElseThrow();

		assertThat(issued.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
		assertThat(claims.stillFits(supporterId, membership, now.plus(Duration.ofMinutes(29)))).isTrue();
		assertThat(claims.stillFits(supporterId, membership, now.plus(Duration.ofMinutes(30)))).isFalse();
		assertThat(claims.stillFits(UUID.randomUUID(), membership, now)).as("another reader").isFalse();
		assertThat(claims.stillFits(supporterId, new Membership(true, MembershipStatus.CANCELING, "supporter",
				List.of("members-only"), now.plus(Duration.ofDays(20))), now))
			.as("another status")
			.isFalse();
	}

	@Test
	void aTokenNeverOutlivesTheMembership() {
		Instant now = Instant.parse("2026-03-01T12:00:00Z");
		Instant validUntil = now.plus(Duration.ofMinutes(10));
		Membership membership = new Membership(true, MembershipStatus.COMP, "patron", List.of("members-only"),
				validUntil);

		MembershipTokens.Issued issued = this.tokens.issue(UUID.randomUUID(), membership, now).orElseThrow();

		assertThat(issued.expiresAt()).isEqualTo(validUntil);
		assertThat(this.tokens.verify(issued.token(), validUntil)).as("at validUntil").isEmpty();
		assertThat(this.tokens.verify(issued.token(), validUntil.minusSeconds(1))).isPresent();
	}

	@Test
	void forgedTamperedUnsignedExpiredAndUnknownKeyTokensAreRejected() throws Exception {
		UUID supporterId = UUID.randomUUID();
		Instant now = this.clock.instant();
		Membership membership = new Membership(true, MembershipStatus.ACTIVE, "supporter", List.of("members-only"),
				now.plus(Duration.ofDays(20)));
		String genuine = this.tokens.issue(supporterId, membership, now).orElseThrow().token();
		assertThat(this.tokens.verify(genuine, now)).isPresent();
		String[] parts = genuine.split("\\.");
		String kid = SignedJWT.parse(genuine).getHeader().getKeyID();
		JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();

		String tampered = parts[0] + "." + Base64URL
			.encode(new JWTClaimsSet.Builder(claims).claim("status", "comp").claim("tier", "patron").build().toString())
				+ "." + parts[2];
		String unsigned = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".";
		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
		forged.sign(new ECDSASigner(stranger));
		SignedJWT unknownKid = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("unknown-key-0001").build(), claims);
		unknownKid.sign(new ECDSASigner(stranger));
		String expired = this.tokens.issue(supporterId, membership, now.minus(Duration.ofHours(2)))
			.orElseThrow()
			.token();

		for (String bad : List.of(tampered, unsigned, forged.serialize(), unknownKid.serialize(), expired, "garbage",
				"")) {
			assertThat(this.tokens.verify(bad, now)).as(bad).isEmpty();
		}

		HttpResponse<String> thanks = thanks(new Reader(this.port), "member-" + UUID.randomUUID() + "@example.org",
				"monthly", "tier:supporter");
		String session = thanks.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("SESSION="))
			.map(MembershipApiTests::value)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> replaced = send(HttpRequest.newBuilder(URI.create(url("/api/v1/membership")))
			.header("Accept", "application/json")
			.header("Cookie", "SESSION=" + session + "; supporters_membership=" + forged.serialize())
			.build());
		assertThat(replaced.body()).contains("\"member\":true");
		assertThat(replaced.headers().allValues("Set-Cookie"))
			.anyMatch((cookie) -> cookie.startsWith("supporters_membership=ey"));
	}

	@Test
	void aRotatedKeyKeepsVerifyingTheTokensItSigned() throws Exception {
		UUID supporterId = UUID.randomUUID();
		Instant now = this.clock.instant();
		Membership membership = new Membership(true, MembershipStatus.ACTIVE, "supporter", List.of("members-only"),
				now.plus(Duration.ofDays(20)));
		String before = this.tokens.issue(supporterId, membership, now).orElseThrow().token();
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

		String newKid = this.keys.rotate();
		String after = this.tokens.issue(supporterId, membership, now).orElseThrow().token();

		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
		assertThat(this.tokens.verify(before, now)).isPresent();
		assertThat(this.tokens.verify(after, now)).isPresent();
		JWKSet jwks = JWKSet.parse(new Reader(this.port).get("/.well-known/jwks.json", JSON).body());
		assertThat(jwks.getKeys()).extracting((key) -> key.getKeyID()).contains(oldKid, newKid);
	}

	@Test
	void corsLetsOnlyTheSiteOriginsReadTheMembershipWithCredentials() {
		Reader reader = new Reader(this.port);

		HttpResponse<String> listed = reader.get("/api/v1/membership",
				Map.of("Accept", "application/json", "Origin", SITE_ORIGIN));
		HttpResponse<String> unlisted = reader.get("/api/v1/membership",
				Map.of("Accept", "application/json", "Origin", "https://evil.example.net"));
		HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(url("/api/v1/membership")))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", SITE_ORIGIN)
			.header("Access-Control-Request-Method", "GET")
			.build());

		assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE_ORIGIN);
		assertThat(listed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(unlisted.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(unlisted.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE_ORIGIN);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
	}

	@Test
	void siteServersNeedALiveApiKey() {
		Reader reader = new Reader(this.port);
		String email = pledge(reader, "monthly", "tier:supporter");
		UUID supporterId = this.memberships.supporterIdOf(email).orElseThrow();
		String expected = reader.get("/api/v1/membership", JSON).body();
		ApiKeys.CreatedKey key = this.apiKeys.create("Example News", null);

		HttpResponse<String> none = api("/api/v1/members/" + supporterId, null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(none.body()).contains("\"status\":401", "Authorization: Bearer");
		assertThat(api("/api/v1/members/" + supporterId, "sk_members_wrong").statusCode()).isEqualTo(401);

		assertThat(api("/api/v1/members/" + supporterId, key.secret()).body()).isEqualTo(expected);
		assertThat(api("/api/v1/members?email=" + email.toUpperCase(), key.secret()).body()).isEqualTo(expected);
		assertThat(api("/api/v1/members?email=nobody-" + UUID.randomUUID() + "@example.org", key.secret()).body())
			.contains("\"member\":false", "\"status\":\"none\"");
		HttpResponse<String> malformed = api("/api/v1/members?email=not-an-email", key.secret());
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("Give the supporter's email address");
		assertThat(api("/api/v1/members/not-a-uuid", key.secret()).statusCode()).isEqualTo(400);
		assertThat(
				this.jdbc.queryForObject("select count(*) from api_key where key_hash = sha256(convert_to(?, 'UTF8'))",
						Long.class, key.secret()))
			.as("stored hashed")
			.isEqualTo(1);

		assertThat(this.apiKeys.revoke(key.id())).isTrue();
		assertThat(api("/api/v1/members/" + supporterId, key.secret()).statusCode()).isEqualTo(401);
	}

	@Test
	void anApiKeysLastUseIsNotedToTheMinute() {
		ApiKeys.CreatedKey key = this.apiKeys.create("Busy site", null);
		assertThat(lastUse(key)).as("never used").isNull();

		assertThat(api("/api/v1/members/" + UUID.randomUUID(), key.secret()).statusCode()).isEqualTo(200);
		Instant firstUse = lastUse(key);
		assertThat(firstUse).isNotNull();
		assertThat(api("/api/v1/members/" + UUID.randomUUID(), key.secret()).statusCode()).isEqualTo(200);
		assertThat(lastUse(key)).as("within the minute").isEqualTo(firstUse);

		this.jdbc.update("update api_key set last_used_at = last_used_at - interval '61 seconds' where id = ?",
				key.id());
		assertThat(api("/api/v1/members/" + UUID.randomUUID(), key.secret()).statusCode()).isEqualTo(200);
		assertThat(lastUse(key)).as("the noted use was a minute old").isAfterOrEqualTo(firstUse);
	}

	private Instant lastUse(ApiKeys.CreatedKey key) {
		return this.apiKeys.all()
			.stream()
			.filter((known) -> known.id().equals(key.id()))
			.findFirst()
			.orElseThrow()
			.lastUsedAt();
	}

	@Test
	void guessingApiKeysIsLimitedPerClientAddress() {
		String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
		ApiKeys.CreatedKey key = this.apiKeys.create("Guessing test", null);
		for (int i = 0; i < MembersApiSecurity.WRONG_KEYS_ALLOWED; i++) {
			assertThat(api("/api/v1/members/" + UUID.randomUUID(), "sk_members_guess" + i, address).statusCode())
				.isEqualTo(401);
		}

		HttpResponse<String> blocked = api("/api/v1/members/" + UUID.randomUUID(), key.secret(), address);
		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.body()).contains("Too many wrong API keys");
		assertThat(api("/api/v1/members/" + UUID.randomUUID(), key.secret()).statusCode()).as("another address")
			.isEqualTo(200);
	}

	@Test
	void anOperatorCreatesAndRevokesApiKeysFromTheCommandLine() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		boolean ran = this.command.execute(new DefaultApplicationArguments("--create-api-key=Example News"),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		String output = printed.toString(StandardCharsets.UTF_8);
		String secret = output.lines().filter((line) -> line.startsWith("sk_members_")).findFirst().orElseThrow();
		String id = output.lines().findFirst().orElseThrow().split(" ")[2];

		assertThat(ran).isTrue();
		assertThat(output).contains("shown only now");
		assertThat(api("/api/v1/members/" + UUID.randomUUID(), secret).statusCode()).isEqualTo(200);

		printed.reset();
		this.command.execute(new DefaultApplicationArguments("--revoke-api-key=" + id),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Revoked API key " + id);
		assertThat(api("/api/v1/members/" + UUID.randomUUID(), secret).statusCode()).isEqualTo(401);
		assertThat(this.command.execute(new DefaultApplicationArguments(), System.out)).as("no command: the service")
			.isFalse();
	}

	@Test
	void membersJsIsSmallAndServedAsJavaScript() {
		HttpResponse<String> script = new Reader(this.port).get("/embed/members.js", Map.of());

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		// the ask grew it from 5 KB; it stays under 10 KB
		assertThat(script.body().getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(10 * 1024);
		assertThat(script.body()).doesNotContain("import ", "require(");
	}

	private HttpResponse<String> api(String path, String key) {
		return api(path, key, null);
	}

	private HttpResponse<String> api(String path, String key, String clientAddress) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Accept", "application/json");
		Optional.ofNullable(key).ifPresent((value) -> request.header("Authorization", "Bearer " + value));
		Optional.ofNullable(clientAddress).ifPresent((value) -> request.header("X-Forwarded-For", value));
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** Pledges and pays as this reader, who is then signed in; returns the email. */
	private String pledge(Reader reader, String frequency, String option) {
		String email = "member-" + UUID.randomUUID() + "@example.org";
		thanks(reader, email, frequency, option);
		return email;
	}

	private HttpResponse<String> thanks(Reader reader, String email, String frequency, String option) {
		Map<String, String> form = new HashMap<>(Map.of("frequency", frequency, "option", option, "email", email));
		HttpResponse<String> paid = reader.pay(reader.pledge(form), "4242 4242 4242 4242");
		HttpResponse<String> thanks = reader.get(Reader.location(paid));
		assertThat(thanks.body()).contains("You are now a supporter");
		return thanks;
	}

	private static String value(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

	private TierChange cacheTestTier(String slug, List<String> benefits) {
		return new TierChange(slug, "Cache test", "", benefits, Money.of(500, this.catalog.currency()),
				Money.of(5000, this.catalog.currency()));
	}

}
