package org.supporters.membership;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.supporters.platform.EmailAddresses;

/**
 * The membership JSON: for the signed-in reader (the browser on the site, by session
 * cookie), for site servers (by API key), and the public keys that verify the token.
 */
@RestController
class MembershipApiController {

	/** The checks' counters by path and answer, looked up once rather than per check. */
	private final Map<String, Counter> checks = new ConcurrentHashMap<>();

	private final MembershipService memberships;

	private final MembershipCache cache;

	private final MembershipCookie cookie;

	private final SigningKeys keys;

	MembershipApiController(MembershipService memberships, MembershipCache cache, MembershipCookie cookie,
			SigningKeys keys) {
		this.memberships = memberships;
		this.cache = cache;
		this.cookie = cookie;
		this.keys = keys;
	}

	@GetMapping(path = "/api/v1/membership", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Membership> signedInReader(HttpServletRequest request, HttpServletResponse response) {
		return json("/api/v1/membership", this.cookie.answer(request, response));
	}

	@GetMapping(path = "/api/v1/members/{supporterId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Membership> bySupporterId(@PathVariable UUID supporterId) {
		return json("/api/v1/members/{supporterId}", this.cache.membershipOf(supporterId));
	}

	@GetMapping(path = "/api/v1/members", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> byEmail(@RequestParam(required = false) String email) {
		if (email == null || !EmailAddresses.isValid(email.trim())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"Give the supporter's email address as ?email=, e.g. ?email=reader@example.org");
			problem.setInstance(URI.create("/api/v1/members"));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return json("/api/v1/members", this.memberships.membershipOfEmail(email.trim()).orElse(Membership.NONE));
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.publicJwks());
	}

	private ResponseEntity<Membership> json(String path, Membership membership) {
		this.checks
			.computeIfAbsent(path + membership.member(), (key) -> Metrics.counter("supporters.membership.checks",
					"path", path, "member", String.valueOf(membership.member())))
			.increment();
		Membership whole = (membership.validUntil() != null) ? new Membership(membership.member(), membership.status(),
				membership.tier(), membership.benefits(), membership.validUntil().truncatedTo(ChronoUnit.SECONDS))
				: membership;
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(whole);
	}

}
