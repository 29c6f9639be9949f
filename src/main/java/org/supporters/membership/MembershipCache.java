package org.supporters.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The fast path of the membership check, per instance: a reader's membership is derived
 * from PostgreSQL at most once per {@link #TIME_TO_LIVE}, and a membership token once
 * confirmed against the reader's session answers from memory, without the session. A
 * change to the reader's pledges or comps (a trigger's
 * {@code NOTIFY membership_changed}), a sign-out or sign-out everywhere makes every
 * instance forget that reader's membership and tokens at once ({@link ChangeNotices});
 * the next check reads the session again. Whatever a missed notice could leave behind is
 * re-checked after {@link #TIME_TO_LIVE} at the latest.
 */
@Component
class MembershipCache {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	/** Under 10 MB: a token and its answer take about a kilobyte. */
	static final int REMEMBERED_TOKENS = 10_000;

	private final MembershipService memberships;

	private final ChangeNotices notices;

	private final Map<UUID, Derived> derived = new ConcurrentHashMap<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	MembershipCache(MembershipService memberships, ChangeNotices notices) {
		this.memberships = memberships;
		this.notices = notices;
		notices.onNotice(ChangeNotices.MEMBERSHIP, this::forget);
	}

	Membership membershipOf(UUID supporterId) {
		return derived(supporterId).membership();
	}

	/** The membership with when it was derived, for {@link #confirm}. */
	Derived derived(UUID supporterId) {
		long now = System.nanoTime();
		Derived cached = this.derived.get(supporterId);
		if (cached != null && now - cached.at() < TIME_TO_LIVE.toNanos()) {
			return cached;
		}
		long version = this.notices.version();
		Derived fresh = new Derived(this.memberships.membershipOf(supporterId), now);
		this.derived.put(supporterId, fresh);
		if (!this.notices.unchangedSince(version)) {
			this.derived.remove(supporterId, fresh);
		}
		return fresh;
	}

	/**
	 * The membership a token confirmed on this instance stands for, while it is neither
	 * past half its life nor derived longer than {@link #TIME_TO_LIVE} ago; {@code null}
	 * otherwise. Timed on this machine's monotonic clock, without asking the service's
	 * clock: a sandbox clock moved ahead reaches the answer within the same
	 * {@link #TIME_TO_LIVE} as it reaches the cached membership.
	 */
	Membership answerFor(String token) {
		Answer answer = this.answers.get(token);
		if (answer == null) {
			return null;
		}
		if (System.nanoTime() - answer.usableUntil() >= 0) {
			this.answers.remove(token, answer);
			return null;
		}
		return answer.membership();
	}

	/** Taken before reading the session whose reader {@link #confirm} remembers. */
	long version() {
		return this.notices.version();
	}

	/**
	 * Remembers that this token, sent with the reader's session, stands for this
	 * membership until {@code usableUntil} (at the latest), unless something changed
	 * since {@code version}.
	 */
	void confirm(String token, UUID supporterId, Derived membership, Instant usableUntil, Instant now, long version) {
		long nanos = System.nanoTime();
		if (this.answers.size() >= REMEMBERED_TOKENS) {
			// stale answers go first; if every one is live, start afresh
			this.answers.values().removeIf((answer) -> nanos - answer.usableUntil() >= 0);
			if (this.answers.size() >= REMEMBERED_TOKENS) {
				this.answers.clear();
			}
		}
		long left = Math.min(Duration.between(now, usableUntil).toNanos(),
				TIME_TO_LIVE.toNanos() - (nanos - membership.at()));
		Answer answer = new Answer(supporterId, membership.membership(), nanos + left);
		this.answers.put(token, answer);
		if (!this.notices.unchangedSince(version)) {
			this.answers.remove(token, answer);
		}
	}

	/** Every instance forgets the reader's membership and tokens, this one at once. */
	void revoke(UUID supporterId) {
		this.notices.announce(ChangeNotices.MEMBERSHIP, supporterId.toString());
	}

	/**
	 * Read-your-writes on this instance: forget at commit rather than when the
	 * notification arrives.
	 */
	@TransactionalEventListener
	void on(MembershipService.CompsChanged change) {
		this.notices.heard(ChangeNotices.MEMBERSHIP, change.supporterId().toString());
	}

	private void forget(String supporterId) {
		UUID id = parse(supporterId);
		if (id == null) {
			this.derived.clear();
			this.answers.clear();
			return;
		}
		// the membership first: an answer confirmed meanwhile rests on a fresh one
		this.derived.remove(id);
		this.answers.values().removeIf((answer) -> answer.supporterId().equals(id));
	}

	private static UUID parse(String supporterId) {
		try {
			return (supporterId != null) ? UUID.fromString(supporterId) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A membership and when it was derived ({@link System#nanoTime()}). */
	record Derived(Membership membership, long at) {
	}

	/**
	 * @param usableUntil until when, on {@link System#nanoTime()}
	 */
	private record Answer(UUID supporterId, Membership membership, long usableUntil) {
	}

}
