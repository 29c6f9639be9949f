package org.supporters.membership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.staff.AuditLog;

/**
 * Keys for site servers on the members API. A key is shown once, when made; only its
 * SHA-256 is stored (it has 256 random bits, so no slow hash is needed).
 * <p>
 * Each instance remembers the live keys it looked up twice in a row, for at most
 * {@link MembershipCache#TIME_TO_LIVE}; any change to a key's row (a revocation, its last
 * use noted) is announced by a trigger ({@code NOTIFY api_key_changed}) and every
 * instance forgets the key at once ({@link ChangeNotices}). Wrong keys are never
 * remembered.
 */
@Service
public class ApiKeys {

	private static final String PREFIX = "sk_members_";

	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private static final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository repository;

	private final AuditLog audit;

	/** Far more than any site has keys: only live keys get in. */
	private static final int REMEMBERED_KEYS = 1_000;

	private final Clock clock;

	private final ChangeNotices notices;

	/** Live keys by their hash (Base64), as looked up. */
	private final Map<String, Known> known = new ConcurrentHashMap<>();

	ApiKeys(ApiKeyRepository repository, AuditLog audit, Clock clock, ChangeNotices notices) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.notices = notices;
		notices.onNotice(ChangeNotices.API_KEY, this::forget);
	}

	/**
	 * Makes a key, audited with its name; its secret is in the answer and nowhere else.
	 * @param name what the key is for, e.g. the site's name
	 * @param staffUserId the admin making it, or {@code null} from the command line
	 * @throws IllegalArgumentException when the name is blank or too long
	 */
	@Transactional
	public CreatedKey create(String name, Long staffUserId) {
		problemWithName(name).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem);
		});
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = this.repository.insert(name.trim(), hash(key), staffUserId, this.clock.instant());
		this.audit.record("api-key.create", "api-key:" + id, Map.of("name", name.trim()));
		return new CreatedKey(id, name.trim(), key);
	}

	/** What is wrong with this name for a key, if anything. */
	public static Optional<String> problemWithName(String name) {
		return (name == null || name.isBlank() || name.trim().length() > 100)
				? Optional.of("Give the key a name of 1 to 100 characters, e.g. the site that will use it.")
				: Optional.empty();
	}

	/**
	 * Stops the key from working, audited; false when it was already revoked or does not
	 * exist.
	 */
	@Transactional
	public boolean revoke(UUID id) {
		boolean revoked = this.repository.revoke(id, this.clock.instant());
		if (revoked) {
			this.notices.heardAtCommit(ChangeNotices.API_KEY, id.toString());
			this.audit.record("api-key.revoke", "api-key:" + id, Map.of());
		}
		return revoked;
	}

	@Transactional(readOnly = true)
	public List<ApiKey> all() {
		return this.repository.all();
	}

	/**
	 * Whether this is a live key; notes when it was last used, to the minute, so that a
	 * site server's steady calls do not each write the key's row. A key this instance
	 * looked up lately is answered from memory.
	 */
	boolean isValid(String key) {
		if (!key.startsWith(PREFIX)) {
			return false;
		}
		byte[] hash = hash(key);
		String id = Base64.getEncoder().encodeToString(hash);
		Known remembered = this.known.get(id);
		long nanos = System.nanoTime();
		if (remembered == null || !remembered.answers()
				|| nanos - remembered.lookedUpAt() >= MembershipCache.TIME_TO_LIVE.toNanos()) {
			long version = this.notices.version();
			Optional<ApiKeyRepository.LiveKey> live = this.repository.findLive(hash);
			if (live.isEmpty()) {
				this.known.remove(id);
				return false;
			}
			Instant lastUsedAt = live.get().lastUsedAt();
			// when a use is next worth noting, timed on this machine's monotonic clock
			long noteAt = (lastUsedAt != null)
					? nanos + Duration.between(this.clock.instant(), lastUsedAt.plus(LAST_USE_PRECISION)).toNanos()
					: nanos;
			// answered from memory from the second look-up on: a key in steady use, whose
			// row (and last use) this instance has read twice
			remembered = new Known(live.get().id(), noteAt, nanos, remembered != null);
			remember(id, remembered, version);
		}
		if (nanos - remembered.noteAt() >= 0) {
			// the row's trigger makes every instance look the key up again
			this.repository.markUsed(remembered.id(), this.clock.instant());
			this.known.remove(id, remembered);
		}
		return true;
	}

	private void remember(String id, Known key, long version) {
		if (this.known.size() >= REMEMBERED_KEYS) {
			this.known.clear();
		}
		this.known.put(id, key);
		if (!this.notices.unchangedSince(version)) {
			this.known.remove(id, key);
		}
	}

	private void forget(String keyId) {
		if (keyId == null) {
			this.known.clear();
			return;
		}
		this.known.values().removeIf((key) -> key.id().toString().equals(keyId));
	}

	private static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A live key as this instance looked it up.
	 *
	 * @param noteAt when a use is next noted, on {@link System#nanoTime()}
	 * @param answers whether it answers without a look-up
	 */
	private record Known(UUID id, long noteAt, long lookedUpAt, boolean answers) {
	}

	/** A new key with its secret, to show once. */
	public record CreatedKey(UUID id, String name, String secret) {
	}

	/** A key as staff see it: never its secret. */
	public record ApiKey(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
	}

}
