package org.supporters.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import org.supporters.platform.AppSecrets;
import org.supporters.platform.SupportersProperties;

/**
 * The one-click link of a payment-failed mail: it opens the provider's update-card page
 * without signing in, so it is signed (HMAC under a secret of its own, so no other link's
 * signature fits), names its one purpose, and expires. It carries the supporter's id, not
 * their address.
 */
@Component
class CardLinks {

	static final Duration LIFETIME = Duration.ofDays(14);

	private static final String PURPOSE = "update-card";

	private static final Pattern TOKEN = Pattern.compile(
			"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

	private final AppSecrets secrets;

	private final Clock clock;

	private final String base;

	CardLinks(AppSecrets secrets, Clock clock, SupportersProperties properties) {
		this.secrets = secrets;
		this.clock = clock;
		this.base = properties.publicUri() + "/account/card/";
	}

	/** A link for the supporter, valid for {@link #LIFETIME} from now. */
	String linkFor(UUID supporterId) {
		long expires = this.clock.instant().plus(LIFETIME).getEpochSecond();
		return this.base + supporterId + "." + expires + "." + sign(supporterId, expires);
	}

	/** What the token says, if it is ours, whole and still valid. */
	Verdict check(String token) {
		Matcher matcher = TOKEN.matcher((token != null) ? token : "");
		if (!matcher.matches()) {
			return Verdict.invalid();
		}
		UUID supporterId = UUID.fromString(matcher.group(1));
		long expires = Long.parseLong(matcher.group(2));
		boolean genuine = MessageDigest.isEqual(sign(supporterId, expires).getBytes(StandardCharsets.US_ASCII),
				matcher.group(3).getBytes(StandardCharsets.US_ASCII));
		if (!genuine) {
			return Verdict.invalid();
		}
		if (!this.clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
			return new Verdict(Status.EXPIRED, supporterId);
		}
		return new Verdict(Status.VALID, supporterId);
	}

	private String sign(UUID supporterId, long expires) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(this.secrets.hmac("lifecycle.card-link", PURPOSE + "|" + supporterId + "|" + expires));
	}

	enum Status {

		VALID, EXPIRED, INVALID

	}

	/**
	 * A checked token: the supporter it names only when {@code VALID} or {@code EXPIRED}.
	 */
	record Verdict(Status status, UUID supporterId) {

		static Verdict invalid() {
			return new Verdict(Status.INVALID, null);
		}

	}

}
