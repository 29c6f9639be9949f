package org.supporters.importing;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import org.supporters.platform.AppSecrets;

/**
 * The campaign's links carry the patron's id signed with the service's secret: the link
 * to the pre-filled support page and the one-click unsubscribe need no stored token, and
 * no one can make a link for another patron.
 */
@Component
class CampaignLinks {

	private static final String SECRET = "import-campaign-links";

	private final AppSecrets secrets;

	CampaignLinks(AppSecrets secrets) {
		this.secrets = secrets;
	}

	enum Purpose {

		OPEN, UNSUBSCRIBE

	}

	String token(long patronId, Purpose purpose) {
		return patronId + "-" + signature(patronId, purpose);
	}

	/** The patron a genuine token names; empty for anything else. */
	OptionalLong verify(String token, Purpose purpose) {
		int dash = token.indexOf('-');
		if (dash < 1 || dash > 19 || token.length() > 80) {
			return OptionalLong.empty();
		}
		long id;
		try {
			id = Long.parseLong(token.substring(0, dash));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
		byte[] expected = signature(id, purpose).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] given = token.substring(dash + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
	}

	private String signature(long patronId, Purpose purpose) {
		byte[] mac = this.secrets.hmac(SECRET, purpose.name() + ":" + patronId);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 18));
	}

}
