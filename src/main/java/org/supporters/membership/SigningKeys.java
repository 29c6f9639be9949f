package org.supporters.membership;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.membership.SigningKeyRepository.StoredKey;

/**
 * The EC P-256 keys that sign membership tokens, kept in PostgreSQL so every instance
 * signs with the same key. They are parsed once and held in memory, reloaded every minute
 * (to see a rotation made elsewhere) and when a token names a key not yet seen. After a
 * rotation the previous key stays published until every token it signed has expired.
 */
@Component
public class SigningKeys {

	/** Longer than a token lives, so a superseded key outlives its last token. */
	static final Duration PUBLISHED_AFTER_ROTATION = MembershipTokens.MAX_LIFETIME.multipliedBy(2);

	private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(10);

	private final SigningKeyRepository repository;

	private final Clock clock;

	private volatile Loaded loaded;

	SigningKeys(SigningKeyRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Makes a new signing key; the previous one still verifies until its tokens expire.
	 * @return the new key's id
	 */
	@Transactional
	public String rotate() {
		Instant now = this.clock.instant();
		this.repository.supersedeSigningKey(now);
		ECKey key = generate();
		this.repository.insertIfNoneSigns(key.getKeyID(), key.toJSONString(), now);
		this.loaded = null;
		return key.getKeyID();
	}

	Signing signing() {
		return loaded().signing();
	}

	/** The verifier for that key id; reloads once in a while when it is unknown. */
	ECDSAVerifier verifier(String kid) {
		Loaded current = loaded();
		ECDSAVerifier verifier = current.verifiers().get(kid);
		if (verifier == null && current.loadedAt().plus(MIN_RELOAD_INTERVAL).isBefore(this.clock.instant())) {
			verifier = reload().verifiers().get(kid);
		}
		return verifier;
	}

	/** The public keys, as the JWKS endpoint serves them. */
	Map<String, Object> publicJwks() {
		return loaded().publicJwks();
	}

	void reloadRegularly() {
		if (this.loaded != null) {
			reload();
		}
	}

	private Loaded loaded() {
		Loaded current = this.loaded;
		return (current != null) ? current : reload();
	}

	private synchronized Loaded reload() {
		Instant now = this.clock.instant();
		List<StoredKey> stored = this.repository.published(now.minus(PUBLISHED_AFTER_ROTATION));
		if (stored.stream().noneMatch(StoredKey::signing)) {
			ECKey key = generate();
			this.repository.insertIfNoneSigns(key.getKeyID(), key.toJSONString(), now);
			stored = this.repository.published(now.minus(PUBLISHED_AFTER_ROTATION));
		}
		try {
			List<ECKey> keys = stored.stream().map(SigningKeys::parse).toList();
			ECKey signingKey = keys.get(stored.indexOf(stored.stream().filter(StoredKey::signing).findFirst().get()));
			Map<String, ECDSAVerifier> verifiers = keys.stream()
				.collect(Collectors.toUnmodifiableMap(ECKey::getKeyID, SigningKeys::verifierOf));
			Map<String, Object> jwks = new JWKSet(keys.stream().map((key) -> (JWK) key).toList()).toPublicJWKSet()
				.toJSONObject(true);
			Loaded fresh = new Loaded(new Signing(signingKey.getKeyID(), new ECDSASigner(signingKey)), verifiers, jwks,
					now);
			this.loaded = fresh;
			return fresh;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("A stored signing key is not a usable EC key", ex);
		}
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString().replace("-", ""))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot make an EC P-256 key", ex);
		}
	}

	private static ECKey parse(StoredKey stored) {
		try {
			return ECKey.parse(stored.jwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored signing key " + stored.kid() + " is not a JWK", ex);
		}
	}

	private static ECDSAVerifier verifierOf(ECKey key) {
		try {
			return new ECDSAVerifier(key.toPublicJWK());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing key " + key.getKeyID() + " cannot verify", ex);
		}
	}

	record Signing(String kid, ECDSASigner signer) {
	}

	private record Loaded(Signing signing, Map<String, ECDSAVerifier> verifiers, Map<String, Object> publicJwks,
			Instant loadedAt) {
	}

}
