package org.supporters.membership;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import org.supporters.platform.SupportersProperties;

/**
 * The membership token: a compact ES256 JWS with iss, sub, status, tier, benefits, iat
 * and exp, at most an hour long and never past the membership's validUntil.
 * <p>
 * Checking an ES256 signature costs about a millisecond of CPU, and a reader's browser
 * sends the same token with every membership call for half an hour. So the claims of
 * tokens this instance signed or already verified are remembered until they expire: only
 * genuine tokens get in, so the memory cannot be filled with forgeries, and a remembered
 * token says nothing a fresh check would not.
 */
@Component
class MembershipTokens {

	static final Duration MAX_LIFETIME = Duration.ofHours(1);

	/** Under 10 MB: a token and its claims take about a kilobyte. */
	static final int REMEMBERED_TOKENS = 10_000;

	private final SigningKeys keys;

	private final String issuer;

	private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();

	MembershipTokens(SigningKeys keys, SupportersProperties properties) {
		this.keys = keys;
		this.issuer = properties.publicUri().toString();
	}

	/** A token for a member; empty when the membership ends within the second. */
	Optional<Issued> issue(UUID supporterId, Membership membership, Instant now) {
		Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
		Instant expires = issuedAt.plus(MAX_LIFETIME);
		if (membership.validUntil().isBefore(expires)) {
			expires = membership.validUntil().truncatedTo(ChronoUnit.SECONDS);
		}
		if (!expires.isAfter(now)) {
			return Optional.empty();
		}
		SigningKeys.Signing signing = this.keys.signing();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(supporterId.toString())
			.claim("status", membership.status().code())
			.claim("tier", membership.tier())
			.claim("benefits", membership.benefits())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT token = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.kid()).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			token.sign(signing.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a membership token", ex);
		}
		String serialized = token.serialize();
		remember(serialized, now, new TokenClaims(supporterId, membership.status().code(), membership.tier(),
				membership.benefits(), issuedAt, expires));
		return Optional.of(new Issued(serialized, issuedAt, expires));
	}

	/**
	 * The claims of a token this service signed and that has not expired; empty for
	 * anything else: malformed, unsigned ({@code alg: none}), another algorithm, an
	 * unknown key, a bad signature, another issuer, expired.
	 */
	Optional<TokenClaims> verify(String token, Instant now) {
		TokenClaims known = this.verified.get(token);
		if (known != null) {
			return known.expiresAt().isAfter(now) ? Optional.of(known) : Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWSHeader header = jwt.getHeader();
			if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
				return Optional.empty();
			}
			ECDSAVerifier verifier = this.keys.verifier(header.getKeyID());
			if (verifier == null || !jwt.verify(verifier)) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!this.issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null
					|| claims.getIssueTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
				return Optional.empty();
			}
			TokenClaims verifiedClaims = new TokenClaims(UUID.fromString(claims.getSubject()),
					claims.getStringClaim("status"), claims.getStringClaim("tier"),
					claims.getStringListClaim("benefits"), claims.getIssueTime().toInstant(),
					claims.getExpirationTime().toInstant());
			remember(token, now, verifiedClaims);
			return Optional.of(verifiedClaims);
		}
		catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	private void remember(String token, Instant now, TokenClaims claims) {
		if (this.verified.size() >= REMEMBERED_TOKENS) {
			// expired tokens go first; if every one is live, start afresh
			this.verified.values().removeIf((known) -> !known.expiresAt().isAfter(now));
			if (this.verified.size() >= REMEMBERED_TOKENS) {
				this.verified.clear();
			}
		}
		this.verified.put(token, claims);
	}

	private static Instant halfLifeOf(Instant issuedAt, Instant expiresAt) {
		return issuedAt.plus(Duration.between(issuedAt, expiresAt).dividedBy(2));
	}

	record Issued(String token, Instant issuedAt, Instant expiresAt) {

		/** Past this, the token is re-signed. */
		Instant halfLife() {
			return halfLifeOf(this.issuedAt, this.expiresAt);
		}

	}

	record TokenClaims(UUID subject, String status, String tier, List<String> benefits, Instant issuedAt,
			Instant expiresAt) {

		/** Whether this token says what the membership says now, and is not too old. */
		boolean stillFits(UUID supporterId, Membership membership, Instant now) {
			return this.subject.equals(supporterId) && this.status.equals(membership.status().code())
					&& Objects.equals(this.tier, membership.tier()) && this.benefits.equals(membership.benefits())
					&& !this.expiresAt.isAfter(membership.validUntil()) && now.isBefore(halfLife());
		}

		/** Past this, the token is re-signed. */
		Instant halfLife() {
			return halfLifeOf(this.issuedAt, this.expiresAt);
		}

	}

}
