package org.supporters.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying the membership token (a compact ES256 JWS) as a site server would with
 * nimbus-jose-jwt (parse, ECDSAVerifier, claims checks), beside the JDK alone verifying the
 * same signature over the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenVerification {

	private static final String ISSUER = "https://supporters.example.org";

	private String token;

	private ECDSAVerifier verifier;

	private DefaultJWTClaimsVerifier<?> claimsVerifier;

	private ECPublicKey publicKey;

	private byte[] signingInput;

	private byte[] derSignature;

	@Setup
	public void setUp() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair keys = generator.generateKeyPair();
		this.publicKey = (ECPublicKey) keys.getPublic();
		// the claims the service puts in the supporters_membership cookie
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f")
			.claim("status", "active")
			.claim("tier", "supporter")
			.claim("benefits", List.of("ad-free", "newsletter"))
			.expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench-key").build(), claims);
		jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
		this.token = jwt.serialize();
		this.verifier = new ECDSAVerifier(this.publicKey);
		this.claimsVerifier = new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(ISSUER).build(),
				Set.of("sub", "exp", "status"));

		String[] parts = this.token.split("\\.");
		this.signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
		// JWS carries ECDSA as raw R||S; the JDK's SHA256withECDSA wants DER
		this.derSignature = com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToDER(new Base64URL(parts[2]).decode());
		if (!nimbus() || !jdk()) {
			throw new IllegalStateException("the token does not verify");
		}
	}

	@Benchmark
	public boolean nimbus() throws java.text.ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(this.token);
		if (!jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.ES256) || !jwt.verify(this.verifier)) {
			return false;
		}
		try {
			this.claimsVerifier.verify(jwt.getJWTClaimsSet(), null);
			return true;
		}
		catch (BadJWTException ex) {
			return false;
		}
	}

	@Benchmark
	public boolean jdk() throws Exception {
		Signature signature = Signature.getInstance("SHA256withECDSA");
		signature.initVerify(this.publicKey);
		signature.update(this.signingInput);
		return signature.verify(this.derSignature);
	}

}
