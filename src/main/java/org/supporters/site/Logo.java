package org.supporters.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A logo that passed the checks: its bytes, its media type and its content hash. */
record Logo(byte[] bytes, LogoType type) {

	/** The start of its SHA-256 in hex: a new logo gets a new address. */
	String hash() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.bytes)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
