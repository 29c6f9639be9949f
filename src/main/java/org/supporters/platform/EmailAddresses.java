package org.supporters.platform;

import java.util.regex.Pattern;

/**
 * The one rule for an email address, the same as the schema's {@code email_address}
 * domain (V10): at most 254 characters, something@something.something, no {@code @} or
 * white space (Unicode's White_Space, spelled out so that PostgreSQL's locale cannot
 * change it) in any part. An address Java accepts is one PostgreSQL stores.
 */
public final class EmailAddresses {

	/** Unicode's White_Space characters, as escapes both Java and PostgreSQL read. */
	private static final String SPACE = "\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029"
			+ "\\u202F\\u205F\\u3000";

	/** The pattern of the schema's check, without its anchors; for {@code @Pattern}. */
	public static final String REGEX = "[^@" + SPACE + "]+@[^@" + SPACE + "]+\\.[^@" + SPACE + "]+";

	public static final int MAX_LENGTH = 254;

	private static final Pattern ADDRESS = Pattern.compile(REGEX);

	private EmailAddresses() {
	}

	public static boolean isValid(String address) {
		return address != null && address.codePointCount(0, address.length()) <= MAX_LENGTH
				&& ADDRESS.matcher(address).matches();
	}

}
