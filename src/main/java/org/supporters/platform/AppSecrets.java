package org.supporters.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.jooq.generated.Tables.APP_SECRET;

/**
 * Keys the service makes for itself (e.g. to sign sandbox returns), created on first use
 * and kept in PostgreSQL so that every instance uses the same one.
 */
@Repository
public class AppSecrets {

	private static final SecureRandom random = new SecureRandom();

	private final DSLContext db;

	// a secret never changes once stored, so each instance reads it once
	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

	private final TransactionTemplate ownTransaction;

	AppSecrets(DSLContext db, PlatformTransactionManager transactions) {
		this.db = db;
		// created and committed on its own, so a caller's rollback cannot leave this
		// instance with a secret no one kept
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The HMAC-SHA256 of the message under the secret of that name. */
	public byte[] hmac(String name, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret(name), "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** The secret of that name: 32 random bytes, the same on every instance. */
	public byte[] secret(String name) {
		return this.known.computeIfAbsent(name, (key) -> this.ownTransaction.execute((status) -> storedOrNew(key)));
	}

	private byte[] storedOrNew(String name) {
		byte[] candidate = new byte[32];
		random.nextBytes(candidate);
		this.db.insertInto(APP_SECRET)
			.set(APP_SECRET.NAME, name)
			.set(APP_SECRET.VALUE, candidate)
			.onConflict(APP_SECRET.NAME)
			.doNothing()
			.execute();
		return this.db.select(APP_SECRET.VALUE).from(APP_SECRET).where(APP_SECRET.NAME.eq(name)).fetchSingle().value1();
	}

}
