package org.supporters.platform;

/**
 * Whether text can be stored in PostgreSQL as it is: no NUL character (PostgreSQL's text
 * cannot hold one) and no unpaired surrogate (not Unicode, so not encodable as UTF-8).
 */
public final class StorableText {

	private StorableText() {
	}

	public static boolean isStorable(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
