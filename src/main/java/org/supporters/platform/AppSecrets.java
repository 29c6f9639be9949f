package org.supporters.platform;

import java.security.SecureRandom;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.APP_SECRET;

/**
 * Keys the service makes for itself (e.g. to sign sandbox returns), created on first use
 * and kept in PostgreSQL so that every instance uses the same one.
 */
@Repository
public class AppSecrets {

	private static final SecureRandom random = new SecureRandom();

	private final DSLContext db;

	AppSecrets(DSLContext db) {
		this.db = db;
	}

	/** The secret of that name: 32 random bytes, the same on every instance. */
	public byte[] secret(String name) {
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
