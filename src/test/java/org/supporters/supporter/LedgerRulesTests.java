package org.supporters.supporter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.supporter.LedgerRules.Cancellation;
import org.supporters.supporter.LedgerRules.Change;
import org.supporters.supporter.LedgerRules.PaymentState;
import org.supporters.supporter.LedgerRules.PledgeState;
import org.supporters.supporter.LedgerRules.Terms;
import org.supporters.supporter.PledgeReported.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The rules of a pledge's life, table by table: what each report makes of a pledge, which
 * change it says (once), and what money taken back ends.
 */
class LedgerRulesTests {

	private static final Instant BEFORE = Instant.parse("2026-01-01T10:00:00Z");

	private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

	private static final Instant PERIOD_END = Instant.parse("2026-02-01T10:00:00Z");

	private static final Instant NEXT_PERIOD_END = Instant.parse("2026-03-01T10:00:00Z");

	private static final Long TIER = 1L;

	private static final Long OTHER_TIER = 2L;

	private static final Instant RETRY = Instant.parse("2026-02-04T10:00:00Z");

	static Stream<Arguments> pledgeReports() {
		return Stream.of(
				argumentSet("a first report starts the pledge", null, report(State.ACTIVE, PERIOD_END, false, null),
						PledgeStatus.ACTIVE, null, List.of(Change.STARTED)),
				argumentSet("a first report of an ended subscription starts and ends it", null,
						report(State.ENDED, PERIOD_END, false, EndedReason.CANCELED), PledgeStatus.CANCELED,
						EndedReason.CANCELED, List.of(Change.STARTED, Change.ENDED)),
				argumentSet("the same report again says nothing", active(PERIOD_END, false),
						report(State.ACTIVE, PERIOD_END, false, null), PledgeStatus.ACTIVE, null, List.of()),
				argumentSet("a later period end is a renewal", active(PERIOD_END, false),
						report(State.ACTIVE, NEXT_PERIOD_END, false, null), PledgeStatus.ACTIVE, null,
						List.of(Change.RENEWED)),
				argumentSet("past due is a failed renewal", active(PERIOD_END, false),
						report(State.PAST_DUE, PERIOD_END, false, null), PledgeStatus.PAST_DUE, null,
						List.of(Change.RENEWAL_FAILED)),
				argumentSet("past due again says nothing", pastDue(), report(State.PAST_DUE, PERIOD_END, false, null),
						PledgeStatus.PAST_DUE, null, List.of()),
				argumentSet("a later next retry is a failed retry", pastDue(RETRY),
						retrying(RETRY.plus(Duration.ofDays(5))), PledgeStatus.PAST_DUE, null,
						List.of(Change.RETRY_FAILED)),
				argumentSet("the same next retry again says nothing", pastDue(RETRY), retrying(RETRY),
						PledgeStatus.PAST_DUE, null, List.of()),
				argumentSet("past due with a first known retry says nothing", pastDue(), retrying(RETRY),
						PledgeStatus.PAST_DUE, null, List.of()),
				argumentSet("paid again after a failure is a recovery", pastDue(),
						report(State.ACTIVE, NEXT_PERIOD_END, false, null), PledgeStatus.ACTIVE, null,
						List.of(Change.RECOVERED)),
				argumentSet("a reader's cancel ends it at period end", active(PERIOD_END, false),
						report(State.ACTIVE, PERIOD_END, true, null), PledgeStatus.ACTIVE, null,
						List.of(Change.CANCELED)),
				argumentSet("the provider giving up ends it", pastDue(),
						report(State.ENDED, PERIOD_END, false, EndedReason.PAYMENT_FAILED), PledgeStatus.CANCELED,
						EndedReason.PAYMENT_FAILED, List.of(Change.ENDED)),
				argumentSet("the canceled subscription at period end ends it", active(PERIOD_END, true),
						report(State.ENDED, PERIOD_END, true, EndedReason.CANCELED), PledgeStatus.CANCELED,
						EndedReason.CANCELED, List.of(Change.ENDED)));
	}

	@ParameterizedTest
	@MethodSource
	void pledgeReports(PledgeState current, PledgeReported report, PledgeStatus status, EndedReason reason,
			List<Change> changes) {
		LedgerRules.PledgeOutcome outcome = LedgerRules.pledge(current, PledgeKind.RECURRING, report, null);
		assertThat(outcome.state().status()).isEqualTo(status);
		assertThat(outcome.state().endedReason()).isEqualTo(reason);
		assertThat(outcome.changes()).isEqualTo(changes);
	}

	static Stream<Arguments> readersChanges() {
		Terms supporterMonthly = new Terms(Money.of(500, "EUR"), BillingInterval.MONTH, TIER);
		Cancellation canceled = new Cancellation(CancelReason.TOO_EXPENSIVE, "Too dear", BEFORE);
		return Stream.of(
				argumentSet("another amount is a change, said once", known(supporterMonthly, false, Cancellation.NONE),
						terms(800, BillingInterval.MONTH, PERIOD_END), TIER, List.of(Change.CHANGED),
						Cancellation.NONE),
				argumentSet("another tier at the same price is a change",
						known(supporterMonthly, false, Cancellation.NONE),
						report(State.ACTIVE, PERIOD_END, false, null), OTHER_TIER, List.of(Change.CHANGED),
						Cancellation.NONE),
				argumentSet("monthly to yearly starts a new period: a change, not a renewal",
						known(supporterMonthly, false, Cancellation.NONE),
						terms(5000, BillingInterval.YEAR, NEXT_PERIOD_END), TIER, List.of(Change.CHANGED),
						Cancellation.NONE),
				argumentSet("the same terms reported again say nothing",
						known(supporterMonthly, false, Cancellation.NONE),
						report(State.ACTIVE, PERIOD_END, false, null), TIER, List.of(), Cancellation.NONE),
				argumentSet("a renewal on the same terms is a renewal",
						known(supporterMonthly, false, Cancellation.NONE),
						report(State.ACTIVE, NEXT_PERIOD_END, false, null), TIER, List.of(Change.RENEWED),
						Cancellation.NONE),
				argumentSet("a cancel keeps the reader's reason, heard now",
						known(supporterMonthly, false, Cancellation.NONE),
						report(State.ACTIVE, PERIOD_END, true, null).withCancellation(CancelReason.UNHAPPY,
								"Less news"),
						TIER, List.of(Change.CANCELED), new Cancellation(CancelReason.UNHAPPY, "Less news", NOW)),
				argumentSet("a later report without the reason keeps it", known(supporterMonthly, true, canceled),
						report(State.ACTIVE, PERIOD_END, true, null), TIER, List.of(), canceled),
				argumentSet("a resume before period end says so and forgets the reason",
						known(supporterMonthly, true, canceled), report(State.ACTIVE, PERIOD_END, false, null), TIER,
						List.of(Change.RESUMED), Cancellation.NONE),
				argumentSet("the end at period end keeps why they canceled", known(supporterMonthly, true, canceled),
						report(State.ENDED, PERIOD_END, true, EndedReason.CANCELED), TIER, List.of(Change.ENDED),
						canceled));
	}

	@ParameterizedTest
	@MethodSource
	void readersChanges(PledgeState current, PledgeReported report, Long reportedTier, List<Change> changes,
			Cancellation cancellation) {
		LedgerRules.PledgeOutcome outcome = LedgerRules.pledge(current, PledgeKind.RECURRING, report, reportedTier);
		assertThat(outcome.changes()).isEqualTo(changes);
		assertThat(outcome.state().cancellation()).isEqualTo(cancellation);
		assertThat(outcome.state().terms()).isEqualTo(new Terms(report.amount(), report.interval(), reportedTier));
	}

	static Stream<Arguments> reportsThatChangeNothing() {
		return Stream.of(argumentSet("a report older than the one applied", active(PERIOD_END, false),
				new PledgeReported(Provider.SANDBOX, "sub_1", null, "a@example.org", null, null, Money.of(500, "EUR"),
						BillingInterval.MONTH, State.PAST_DUE, PERIOD_END, false, null, null, BEFORE.minusSeconds(1))),
				argumentSet("a late report of a pledge that ended: it stays ended, for its reason",
						ended(EndedReason.REFUNDED), report(State.ACTIVE, NEXT_PERIOD_END, false, null)),
				argumentSet("the provider's cancel after the ledger ended it", ended(EndedReason.DISPUTE_LOST),
						report(State.ENDED, PERIOD_END, false, EndedReason.CANCELED)));
	}

	@ParameterizedTest
	@MethodSource
	void reportsThatChangeNothing(PledgeState current, PledgeReported report) {
		LedgerRules.PledgeOutcome outcome = LedgerRules.pledge(current, PledgeKind.RECURRING, report, null);
		assertThat(outcome.state()).isNull();
		assertThat(outcome.changes()).isEmpty();
	}

	static Stream<Arguments> moneyTakenBack() {
		PaymentState paid = new PaymentState(PaymentStatus.SUCCEEDED, 0, BEFORE);
		return Stream.of(
				argumentSet("full refund of the payment for the current period ends it at once",
						active(PERIOD_END, false), paid, payment(PaymentStatus.REFUNDED, 1000), true, 1000L,
						EndedReason.REFUNDED),
				argumentSet("full refund of an earlier period's payment is recorded and ends nothing",
						active(PERIOD_END, false), paid, payment(PaymentStatus.REFUNDED, 1000), false, 1000L, null),
				argumentSet("a partial refund ends nothing", active(PERIOD_END, false), paid,
						payment(PaymentStatus.PARTIALLY_REFUNDED, 300), true, 300L, null),
				argumentSet("the rest refunded later: only the new part, and it ends now", active(PERIOD_END, false),
						new PaymentState(PaymentStatus.PARTIALLY_REFUNDED, 300, BEFORE),
						payment(PaymentStatus.REFUNDED, 1000), true, 700L, EndedReason.REFUNDED),
				argumentSet("a lost dispute of the current period's payment ends it", active(PERIOD_END, false), paid,
						payment(PaymentStatus.DISPUTE_LOST, 0), true, 0L, EndedReason.DISPUTE_LOST),
				argumentSet("a lost dispute of an earlier period's payment ends it too", active(PERIOD_END, false),
						paid, payment(PaymentStatus.DISPUTE_LOST, 0), false, 0L, EndedReason.DISPUTE_LOST),
				argumentSet("an open dispute ends nothing yet", active(PERIOD_END, false), paid,
						payment(PaymentStatus.DISPUTED, 0), true, 0L, null),
				argumentSet("money taken back ends at once what the reader's cancel left running",
						ended(EndedReason.CANCELED), paid, payment(PaymentStatus.REFUNDED, 1000), true, 1000L,
						EndedReason.REFUNDED),
				argumentSet("a refund after renewals were given up changes no reason",
						ended(EndedReason.PAYMENT_FAILED), paid, payment(PaymentStatus.REFUNDED, 1000), true, 1000L,
						null),
				argumentSet("the same refund reported again says nothing", ended(EndedReason.REFUNDED),
						new PaymentState(PaymentStatus.REFUNDED, 1000, BEFORE), payment(PaymentStatus.REFUNDED, 1000),
						true, 0L, null));
	}

	@ParameterizedTest
	@MethodSource
	void moneyTakenBack(PledgeState pledge, PaymentState current, PaymentReported report, boolean paysCurrentPeriod,
			long newlyRefunded, EndedReason ends) {
		LedgerRules.PaymentOutcome outcome = LedgerRules.payment(pledge, PledgeKind.RECURRING, current, report,
				paysCurrentPeriod);
		assertThat(outcome.store()).isTrue();
		assertThat(outcome.newlyRefunded()).isEqualTo(newlyRefunded);
		assertThat((outcome.endedPledge() != null) ? outcome.endedPledge().endedReason() : null).isEqualTo(ends);
		if (ends != null) {
			assertThat(outcome.endedPledge().status()).isEqualTo(PledgeStatus.CANCELED);
		}
	}

	@ParameterizedTest
	@MethodSource
	void oneOffs(PaymentStatus status, PledgeStatus pledgeStatus, EndedReason reason) {
		PledgeState paid = new PledgeState(PledgeStatus.PAID, null, false, null, null, BEFORE, null);
		LedgerRules.PaymentOutcome outcome = LedgerRules.payment(paid, PledgeKind.ONE_OFF,
				new PaymentState(PaymentStatus.SUCCEEDED, 0, BEFORE), payment(status, 1000), true);
		assertThat(outcome.endedPledge().status()).isEqualTo(pledgeStatus);
		assertThat(outcome.endedPledge().endedReason()).isEqualTo(reason);
	}

	static Stream<Arguments> oneOffs() {
		return Stream.of(
				argumentSet("a refunded contribution is refunded", PaymentStatus.REFUNDED, PledgeStatus.REFUNDED,
						EndedReason.REFUNDED),
				argumentSet("a contribution lost in a dispute is refunded, for that reason", PaymentStatus.DISPUTE_LOST,
						PledgeStatus.REFUNDED, EndedReason.DISPUTE_LOST));
	}

	private static PledgeState active(Instant periodEnd, boolean cancelAtPeriodEnd) {
		return new PledgeState(PledgeStatus.ACTIVE, periodEnd, cancelAtPeriodEnd, null, null, BEFORE, null);
	}

	private static PledgeState known(Terms terms, boolean cancelAtPeriodEnd, Cancellation cancellation) {
		return new PledgeState(PledgeStatus.ACTIVE, PERIOD_END, cancelAtPeriodEnd, null, null, BEFORE, null, terms,
				cancellation);
	}

	private static PledgeState pastDue() {
		return pastDue(null);
	}

	private static PledgeState pastDue(Instant nextRetryAt) {
		return new PledgeState(PledgeStatus.PAST_DUE, PERIOD_END, false, null, null, BEFORE, nextRetryAt);
	}

	private static PledgeReported retrying(Instant nextRetryAt) {
		return new PledgeReported(Provider.SANDBOX, "sub_1", null, "a@example.org", null, null, Money.of(500, "EUR"),
				BillingInterval.MONTH, State.PAST_DUE, PERIOD_END, false, null, null, NOW, nextRetryAt);
	}

	private static PledgeState ended(EndedReason reason) {
		return new PledgeState(PledgeStatus.CANCELED, PERIOD_END, false, reason, BEFORE, BEFORE, null);
	}

	private static PledgeReported report(State state, Instant periodEnd, boolean cancelAtPeriodEnd,
			EndedReason endedReason) {
		return new PledgeReported(Provider.SANDBOX, "sub_1", null, "a@example.org", null, null, Money.of(500, "EUR"),
				BillingInterval.MONTH, state, periodEnd, cancelAtPeriodEnd, endedReason, null, NOW);
	}

	private static PledgeReported terms(long minor, BillingInterval interval, Instant periodEnd) {
		return new PledgeReported(Provider.SANDBOX, "sub_1", null, "a@example.org", null, null, Money.of(minor, "EUR"),
				interval, State.ACTIVE, periodEnd, false, null, null, NOW);
	}

	private static PaymentReported payment(PaymentStatus status, long refundedMinor) {
		return new PaymentReported(Provider.SANDBOX, "py_1", "sub_1", Money.of(1000, "EUR"), status, refundedMinor,
				null, BEFORE, NOW);
	}

}
