package org.supporters.supporter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * The rules of a pledge's life, whichever provider reports it. A report changes a pledge
 * only when it is not older than what was applied; what changed is said once, as a
 * {@link Change}, so that a repeated or late report changes and says nothing.
 * <ul>
 * <li>A failed renewal is said once; each retry of it that fails again (the provider
 * moves its next retry on) is said as a failed retry.</li>
 * <li>A pledge ends when the provider ends it: the reader canceled (they keep what they
 * paid for until period end), or the provider gave up retrying a failed renewal.</li>
 * <li>Money taken back in full ends it at once: a full refund of the payment that pays
 * for the current period, or a lost dispute of any payment (a fraud signal). A full
 * refund of an earlier period's payment is recorded and ends nothing.</li>
 * <li>A reader's change (amount, interval, tier) is said once, as a change, not as a
 * renewal; a cancel keeps the reader's reason until they resume.</li>
 * <li>An ended pledge stays ended, for the reason it ended, except that money taken back
 * ends at once what a reader's cancel left running to period end.</li>
 * </ul>
 */
final class LedgerRules {

	private LedgerRules() {
	}

	/**
	 * @param reportedTierId the catalog's tier the report names, {@code null} for none
	 */
	static PledgeOutcome pledge(PledgeState current, PledgeKind kind, PledgeReported report, Long reportedTierId) {
		if (current != null && report.observedAt().isBefore(current.providerStateAt())) {
			return PledgeOutcome.IGNORED;
		}
		boolean ending = report.state() == PledgeReported.State.ENDED;
		PledgeStatus status = switch (report.state()) {
			case PAID -> PledgeStatus.PAID;
			case ACTIVE -> PledgeStatus.ACTIVE;
			case PAST_DUE -> PledgeStatus.PAST_DUE;
			case ENDED -> (kind == PledgeKind.RECURRING) ? PledgeStatus.CANCELED : PledgeStatus.REFUNDED;
		};
		Terms terms = new Terms(report.amount(), report.interval(), reportedTierId);
		if (current == null) {
			Cancellation cancellation = report.cancelAtPeriodEnd() ? Cancellation.reported(report) : Cancellation.NONE;
			return new PledgeOutcome(state(report, status, ending, terms, cancellation),
					ending ? List.of(Change.STARTED, Change.ENDED) : List.of(Change.STARTED));
		}
		if (current.ended()) {
			return PledgeOutcome.IGNORED;
		}
		List<Change> changes = new ArrayList<>();
		boolean changedTerms = current.terms() != null && !current.terms().equals(terms);
		if (ending) {
			changes.add(Change.ENDED);
		}
		else if (current.status() == PledgeStatus.PAST_DUE && status == PledgeStatus.ACTIVE) {
			changes.add(Change.RECOVERED);
		}
		else if (current.status() == PledgeStatus.ACTIVE && status == PledgeStatus.ACTIVE && !changedTerms
				&& later(report.currentPeriodEnd(), current.currentPeriodEnd())) {
			// a switch of interval starts a new period too; that is the change, not a
			// renewal
			changes.add(Change.RENEWED);
		}
		else if (current.status() == PledgeStatus.ACTIVE && status == PledgeStatus.PAST_DUE) {
			changes.add(Change.RENEWAL_FAILED);
		}
		// the provider moved its next retry on: the retry it had planned failed
		else if (current.status() == PledgeStatus.PAST_DUE && status == PledgeStatus.PAST_DUE
				&& current.nextRetryAt() != null && later(report.nextRetryAt(), current.nextRetryAt())) {
			changes.add(Change.RETRY_FAILED);
		}
		if (!ending && changedTerms) {
			changes.add(Change.CHANGED);
		}
		Cancellation cancellation = current.cancellation();
		if (!ending && report.cancelAtPeriodEnd() && !current.cancelAtPeriodEnd()) {
			changes.add(Change.CANCELED);
			cancellation = Cancellation.reported(report);
		}
		else if (!ending && !report.cancelAtPeriodEnd() && current.cancelAtPeriodEnd()) {
			changes.add(Change.RESUMED);
			cancellation = Cancellation.NONE;
		}
		else if (report.cancelReason() != null && cancellation.at() != null) {
			// the provider keeps the reader's reason: its word is the latest
			cancellation = new Cancellation(report.cancelReason(), report.cancelComment(), cancellation.at());
		}
		return new PledgeOutcome(state(report, status, ending, terms, cancellation), changes);
	}

	private static PledgeState state(PledgeReported report, PledgeStatus status, boolean ending, Terms terms,
			Cancellation cancellation) {
		return new PledgeState(status, report.currentPeriodEnd(), report.cancelAtPeriodEnd(),
				ending ? report.endedReason() : null, ending ? report.observedAt() : null, report.observedAt(),
				(status == PledgeStatus.PAST_DUE) ? report.nextRetryAt() : null, terms, cancellation);
	}

	/**
	 * @param pledge the pledge the payment is for, as stored
	 * @param current the payment as stored, or {@code null} when new
	 * @param paysCurrentPeriod whether no later payment of the pledge took money
	 */
	static PaymentOutcome payment(PledgeState pledge, PledgeKind kind, PaymentState current, PaymentReported report,
			boolean paysCurrentPeriod) {
		if (current != null && report.observedAt().isBefore(current.providerStateAt())) {
			return PaymentOutcome.IGNORED;
		}
		long refundedBefore = (current != null) ? current.refundedMinor() : 0;
		long newlyRefunded = Math.max(0, report.refundedMinor() - refundedBefore);
		PaymentStatus before = (current != null) ? current.status() : null;
		EndedReason takenBack = null;
		if (report.status() == PaymentStatus.DISPUTE_LOST && before != PaymentStatus.DISPUTE_LOST) {
			takenBack = EndedReason.DISPUTE_LOST;
		}
		else if (report.status() == PaymentStatus.REFUNDED && before != PaymentStatus.REFUNDED && paysCurrentPeriod) {
			takenBack = EndedReason.REFUNDED;
		}
		PledgeState ended = null;
		if (takenBack != null && (!pledge.ended() || pledge.endedReason() == EndedReason.CANCELED)) {
			PledgeStatus status = (kind == PledgeKind.RECURRING) ? PledgeStatus.CANCELED : PledgeStatus.REFUNDED;
			ended = new PledgeState(status, pledge.currentPeriodEnd(), pledge.cancelAtPeriodEnd(), takenBack,
					pledge.ended() ? pledge.endedAt() : report.observedAt(), pledge.providerStateAt(), null,
					pledge.terms(), pledge.cancellation());
		}
		return new PaymentOutcome(true, newlyRefunded, ended);
	}

	private static boolean later(Instant instant, Instant than) {
		return instant != null && (than == null || instant.isAfter(than));
	}

	/**
	 * A pledge as the ledger keeps it.
	 *
	 * @param nextRetryAt when the provider retries a failed renewal next, while past due
	 * @param terms what the provider charges, {@code null} when not known
	 */
	record PledgeState(PledgeStatus status, Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
			EndedReason endedReason, Instant endedAt, Instant providerStateAt, Instant nextRetryAt, Terms terms,
			Cancellation cancellation) {

		PledgeState(PledgeStatus status, Instant currentPeriodEnd, boolean cancelAtPeriodEnd, EndedReason endedReason,
				Instant endedAt, Instant providerStateAt, Instant nextRetryAt) {
			this(status, currentPeriodEnd, cancelAtPeriodEnd, endedReason, endedAt, providerStateAt, nextRetryAt, null,
					Cancellation.NONE);
		}

		boolean ended() {
			return this.endedAt != null;
		}

	}

	/**
	 * What a recurring pledge is charged: amount, interval and tier.
	 *
	 * @param tierId {@code null} for an own amount
	 */
	record Terms(Money amount, BillingInterval interval, Long tierId) {
	}

	/**
	 * Why and when the reader canceled; all {@code null} while they have not (or took it
	 * back).
	 */
	record Cancellation(CancelReason reason, String comment, Instant at) {

		static final Cancellation NONE = new Cancellation(null, null, null);

		static Cancellation reported(PledgeReported report) {
			return new Cancellation(report.cancelReason(), report.cancelComment(), report.observedAt());
		}

	}

	/** A payment as the ledger keeps it. */
	record PaymentState(PaymentStatus status, long refundedMinor, Instant providerStateAt) {
	}

	/** What happened to a pledge, each said by one event. */
	enum Change {

		STARTED, RENEWED, RENEWAL_FAILED, RETRY_FAILED, RECOVERED, CHANGED, CANCELED, RESUMED, ENDED

	}

	/** The pledge to store, or {@code null} to store nothing, and what changed. */
	record PledgeOutcome(PledgeState state, List<Change> changes) {

		static final PledgeOutcome IGNORED = new PledgeOutcome(null, List.of());

	}

	/**
	 * Whether to store the payment, how much of it was refunded by this report, and the
	 * pledge it ended ({@code null} when it ended none).
	 */
	record PaymentOutcome(boolean store, long newlyRefunded, PledgeState endedPledge) {

		static final PaymentOutcome IGNORED = new PaymentOutcome(false, 0, null);

	}

}
