package org.supporters.payment.sandbox;

import java.security.SecureRandom;

/** Stripe-like object ids: a prefix and 24 random letters and digits. */
final class SandboxIds {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom random = new SecureRandom();

	private SandboxIds() {
	}

	static String next(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		for (int i = 0; i < 24; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
