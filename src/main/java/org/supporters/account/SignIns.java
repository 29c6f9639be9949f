package org.supporters.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Metrics;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import org.supporters.account.SignInRepository.StoredRequest;
import org.supporters.membership.MembershipService;
import org.supporters.platform.AppSecrets;
import org.supporters.platform.Mail;
import org.supporters.platform.RateLimits;
import org.supporters.platform.SupportersProperties;

/**
 * Sign-in by mail: one mail holds a link and a 6-digit code, either signs in once within
 * 15 minutes. Only hashes are stored. Whether or not the address belongs to a supporter,
 * the reader sees the same answer and a mail is sent (telling a non-supporter so).
 */
@Service
class SignIns {

	static final Duration LIFETIME = Duration.ofMinutes(15);

	static final int WRONG_CODES_ALLOWED = 5;

	static final int MAILS_PER_EMAIL = 5;

	static final int MAILS_PER_ADDRESS = 50;

	static final int CODES_PER_ADDRESS = 60;

	static final Duration LIMIT_WINDOW = Duration.ofMinutes(15);

	private static final SecureRandom random = new SecureRandom();

	private final SignInRepository repository;

	private final MembershipService memberships;

	private final RateLimits limits;

	private final Mail mail;

	private final AppSecrets secrets;

	private final SupportersProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	SignIns(SignInRepository repository, MembershipService memberships, RateLimits limits, Mail mail,
			AppSecrets secrets, SupportersProperties properties, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.repository = repository;
		this.memberships = memberships;
		this.limits = limits;
		this.mail = mail;
		this.secrets = secrets;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mails a sign-in link and code to the address, within the limits per email and per
	 * client address.
	 * @param returnUrl where the link leads after signing in (already checked), or null
	 * @return false when a limit is reached (nothing sent)
	 */
	boolean request(String email, String clientAddress, String returnUrl, Locale locale) {
		if (!this.limits.tryAcquire("sign-in-address:" + clientAddress, MAILS_PER_ADDRESS, LIMIT_WINDOW) || !this.limits
			.tryAcquire("sign-in-email:" + digest(email.toLowerCase(Locale.ROOT)), MAILS_PER_EMAIL, LIMIT_WINDOW)) {
			return false;
		}
		Metrics.counter("supporters.sign.in.mails").increment();
		if (this.memberships.supporterIdOf(email).isEmpty()) {
			this.mail
				.send(email, this.messages.getMessage("sign-in.mail.unknown.subject", null, locale),
						this.messages.getMessage("sign-in.mail.unknown.text",
								new Object[] { this.properties.publicUri() + "/support" + ((returnUrl != null)
										? "?return=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8) : "") },
								locale));
			return true;
		}
		UUID id = UUID.randomUUID();
		String link = token();
		String code = "%06d".formatted(random.nextInt(1_000_000));
		Instant now = this.clock.instant();
		this.repository.insert(id, email, digest(link.getBytes(StandardCharsets.US_ASCII)), codeHash(id, code), now,
				now.plus(LIFETIME));
		String url = UriComponentsBuilder.fromUri(this.properties.publicUri())
			.path("/sign-in/link")
			.queryParam("token", link)
			.build()
			.toUriString()
				+ ((returnUrl != null) ? "&return=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8) : "");
		this.mail.send(email, this.messages.getMessage("sign-in.mail.subject", new Object[] { code }, locale),
				this.messages.getMessage("sign-in.mail.text", new Object[] { url, code }, locale));
		return true;
	}

	/** What a link says without using it up (a mail scanner may open it). */
	Outcome peekLink(String token) {
		return this.repository.byLink(digest(token.getBytes(StandardCharsets.US_ASCII)))
			.map((stored) -> state(stored, this.clock.instant()))
			.orElse(Outcome.unknown());
	}

	/** Uses the link up and says whose it was. */
	Outcome useLink(String token) {
		Instant now = this.clock.instant();
		Optional<StoredRequest> stored = this.repository.byLink(digest(token.getBytes(StandardCharsets.US_ASCII)));
		if (stored.isEmpty()) {
			return Outcome.unknown();
		}
		return use(stored.get(), now);
	}

	/** Checks the code typed for the email and, when right, uses its request up. */
	Outcome useCode(String email, String code, String clientAddress) {
		if (!this.limits.tryAcquire("sign-in-code-address:" + clientAddress, CODES_PER_ADDRESS, LIMIT_WINDOW)) {
			return new Outcome(State.TOO_MANY, null);
		}
		Instant now = this.clock.instant();
		List<StoredRequest> recent = this.repository.recentFor(email, now.minus(Duration.ofDays(1)));
		Optional<StoredRequest> matching = recent.stream()
			.filter((stored) -> MessageDigest.isEqual(stored.codeHash(), codeHash(stored.id(), code)))
			.findFirst();
		if (matching.isEmpty()) {
			this.repository.countWrongCode(email, now);
			// one answer whether or not the address has a live code, or any: a stranger
			// typing codes must not learn who supports
			return new Outcome(State.WRONG_CODE, null);
		}
		return use(matching.get(), now);
	}

	private Outcome use(StoredRequest stored, Instant now) {
		Outcome state = state(stored, now);
		if (state.state() != State.VALID || !this.repository.use(stored.id(), now)) {
			return (state.state() == State.VALID) ? new Outcome(State.USED, stored.email()) : state;
		}
		return state;
	}

	private static Outcome state(StoredRequest stored, Instant now) {
		if (stored.used()) {
			return new Outcome(State.USED, stored.email());
		}
		if (!now.isBefore(stored.expiresAt())) {
			return new Outcome(State.EXPIRED, stored.email());
		}
		if (stored.failedCodes() >= WRONG_CODES_ALLOWED) {
			return new Outcome(State.TOO_MANY, stored.email());
		}
		return new Outcome(State.VALID, stored.email());
	}

	private byte[] codeHash(UUID requestId, String code) {
		return this.secrets.hmac("sign-in-codes", requestId + ":" + code);
	}

	private static String token() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] digest(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String digest(String value) {
		return HexFormat.of().formatHex(digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	enum State {

		VALID, USED, EXPIRED, TOO_MANY, WRONG_CODE, UNKNOWN

	}

	/** What became of a link or code, and for which email. */
	record Outcome(State state, String email) {

		static Outcome unknown() {
			return new Outcome(State.UNKNOWN, null);
		}

		boolean signedIn() {
			return this.state == State.VALID;
		}

	}

}
