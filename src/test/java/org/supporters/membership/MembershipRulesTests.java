package org.supporters.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.supporters.membership.MembershipRules.CompFacts;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PledgeStatus;
import org.supporters.membership.MembershipRules.PledgeFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The derivation, table by table: each way of being a member, the second before and after
 * it ends, and which one wins when a supporter has several.
 */
class MembershipRulesTests {

	private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	private static final Instant PERIOD_END = Instant.parse("2026-02-01T10:00:00Z");

	private static final Instant GRACE_END = PERIOD_END.plus(Duration.ofDays(7));

	/** The provider's last retry, fifteen days after the period end, ... */
	private static final Instant LATE_RETRY = PERIOD_END.plus(Duration.ofDays(15));

	/** ... plus a day for its outcome to reach the service. */
	private static final Instant LATE_RETRY_END = LATE_RETRY.plus(Duration.ofDays(1));

	private static final Instant EARLY_RETRY = PERIOD_END.plus(Duration.ofDays(3));

	private static final Instant CONTRIBUTION_END = START.plus(Duration.ofDays(90));

	private static final Instant COMP_END = Instant.parse("2026-06-30T00:00:00Z");

	private static final List<String> SUPPORTER_BENEFITS = List.of("members-only", "ad-free");

	private final MembershipRules rules = new MembershipRules(
			new MembershipProperties(7, 90, List.of("fewer-asks"), List.of("members-only", "fewer-asks")));

	static Stream<Arguments> singlePledges() {
		return Stream.of(
				argumentSet("active, a second before period end", tier("active", false, null), second(PERIOD_END, -1),
						member("active", "supporter", SUPPORTER_BENEFITS, PERIOD_END)),
				argumentSet("active, at period end (renewal not reported)", tier("active", false, null), PERIOD_END,
						Membership.NONE),
				argumentSet("active, a second after period end", tier("active", false, null), second(PERIOD_END, 1),
						Membership.NONE),
				argumentSet("own amount: the configured benefits, no tier", ownAmount("active"), second(PERIOD_END, -1),
						member("active", null, List.of("members-only", "fewer-asks"), PERIOD_END)),
				argumentSet("cancel at period end, a second before", tier("active", true, null), second(PERIOD_END, -1),
						member("canceling", "supporter", SUPPORTER_BENEFITS, PERIOD_END)),
				argumentSet("cancel at period end, a second after", tier("active", true, null), second(PERIOD_END, 1),
						Membership.NONE),
				argumentSet("canceled by the reader, paid through", tier("canceled", false, "canceled"),
						second(PERIOD_END, -1), member("canceling", "supporter", SUPPORTER_BENEFITS, PERIOD_END)),
				argumentSet("canceled by the reader, a second after period end", tier("canceled", false, "canceled"),
						second(PERIOD_END, 1), Membership.NONE),
				argumentSet("canceled after failed payments: nothing", tier("canceled", false, "payment_failed"),
						second(PERIOD_END, -1), Membership.NONE),
				argumentSet("refunded: nothing, even inside the period", tier("canceled", false, "refunded"),
						second(PERIOD_END, -1), Membership.NONE),
				argumentSet("dispute lost: nothing", tier("canceled", false, "dispute_lost"), second(PERIOD_END, -1),
						Membership.NONE),
				argumentSet("past due at period end: grace", tier("past_due", false, null), PERIOD_END,
						member("grace", "supporter", SUPPORTER_BENEFITS, GRACE_END)),
				argumentSet("past due, a second before grace ends", tier("past_due", false, null),
						second(GRACE_END, -1), member("grace", "supporter", SUPPORTER_BENEFITS, GRACE_END)),
				argumentSet("past due, at the end of grace", tier("past_due", false, null), GRACE_END, Membership.NONE),
				argumentSet("past due, a second after grace", tier("past_due", false, null), second(GRACE_END, 1),
						Membership.NONE),
				argumentSet("past due, retrying after grace: grace lasts a day past the retry", retrying(LATE_RETRY),
						second(GRACE_END, 1), member("grace", "supporter", SUPPORTER_BENEFITS, LATE_RETRY_END)),
				argumentSet("past due, a second before the retry's day is over", retrying(LATE_RETRY),
						second(LATE_RETRY_END, -1), member("grace", "supporter", SUPPORTER_BENEFITS, LATE_RETRY_END)),
				argumentSet("past due, when the retry's day is over (no word from the provider)", retrying(LATE_RETRY),
						LATE_RETRY_END, Membership.NONE),
				argumentSet("past due, retrying within grace: the grace days still count", retrying(EARLY_RETRY),
						second(GRACE_END, -1), member("grace", "supporter", SUPPORTER_BENEFITS, GRACE_END)),
				argumentSet("one-off, a second after payment", oneOff("paid"), second(START, 1),
						member("contributor", null, List.of("fewer-asks"), CONTRIBUTION_END)),
				argumentSet("one-off, a second before 90 days", oneOff("paid"), second(CONTRIBUTION_END, -1),
						member("contributor", null, List.of("fewer-asks"), CONTRIBUTION_END)),
				argumentSet("one-off, a second after 90 days", oneOff("paid"), second(CONTRIBUTION_END, 1),
						Membership.NONE),
				argumentSet("one-off refunded: nothing", oneOff("refunded"), second(START, 1), Membership.NONE));
	}

	@ParameterizedTest
	@MethodSource
	void singlePledges(PledgeFacts pledge, Instant now, Membership expected) {
		assertThat(this.rules.derive(List.of(pledge), List.of(), now)).isEqualTo(expected);
	}

	static Stream<Arguments> comps() {
		return Stream.of(
				argumentSet("comp, a second before it ends", comp(null), second(COMP_END, -1),
						member("comp", "patron", List.of("members-only", "ad-free", "events"), COMP_END)),
				argumentSet("comp, when it ends", comp(null), COMP_END, Membership.NONE),
				argumentSet("comp, a second after it ends", comp(null), second(COMP_END, 1), Membership.NONE),
				argumentSet("comp revoked", comp(second(START, 1)), second(START, 2), Membership.NONE));
	}

	@ParameterizedTest
	@MethodSource
	void comps(CompFacts comp, Instant now, Membership expected) {
		assertThat(this.rules.derive(List.of(), List.of(comp), now)).isEqualTo(expected);
	}

	static Stream<Arguments> severalWays() {
		Instant inPeriod = second(PERIOD_END, -1);
		return Stream.of(argumentSet("nothing at all", List.of(), List.of(), inPeriod, Membership.NONE),
				argumentSet("active beats a comp", List.of(tier("active", false, null)), List.of(comp(null)), inPeriod,
						member("active", "supporter", SUPPORTER_BENEFITS, PERIOD_END)),
				argumentSet("canceling beats a comp", List.of(tier("active", true, null)), List.of(comp(null)),
						inPeriod, member("canceling", "supporter", SUPPORTER_BENEFITS, PERIOD_END)),
				argumentSet("a comp beats grace", List.of(tier("past_due", false, null)), List.of(comp(null)),
						second(PERIOD_END, 1),
						member("comp", "patron", List.of("members-only", "ad-free", "events"), COMP_END)),
				argumentSet("grace beats a contribution", List.of(tier("past_due", false, null), oneOff("paid")),
						List.of(), second(PERIOD_END, 1), member("grace", "supporter", SUPPORTER_BENEFITS, GRACE_END)),
				argumentSet("a contribution remains when the tier ends",
						List.of(tier("canceled", false, "canceled"), oneOff("paid")), List.of(), second(PERIOD_END, 1),
						member("contributor", null, List.of("fewer-asks"), CONTRIBUTION_END)),
				argumentSet("a comp remains after grace ends", List.of(tier("past_due", false, null)),
						List.of(comp(null)), second(GRACE_END, 1),
						member("comp", "patron", List.of("members-only", "ad-free", "events"), COMP_END)));
	}

	@ParameterizedTest
	@MethodSource
	void severalWays(List<PledgeFacts> pledges, List<CompFacts> comps, Instant now, Membership expected) {
		assertThat(this.rules.derive(pledges, comps, now)).isEqualTo(expected);
	}

	private static PledgeFacts tier(String status, boolean cancelAtPeriodEnd, String endedReason) {
		return new PledgeFacts(true, PledgeStatus.of(status), "supporter", SUPPORTER_BENEFITS, START, PERIOD_END,
				cancelAtPeriodEnd, (endedReason != null) ? EndedReason.of(endedReason) : null, null);
	}

	/** Past due, the provider retrying next at {@code nextRetryAt}. */
	private static PledgeFacts retrying(Instant nextRetryAt) {
		return new PledgeFacts(true, PledgeStatus.PAST_DUE, "supporter", SUPPORTER_BENEFITS, START, PERIOD_END, false,
				null, nextRetryAt);
	}

	private static PledgeFacts ownAmount(String status) {
		return new PledgeFacts(true, PledgeStatus.of(status), null, List.of(), START, PERIOD_END, false, null, null);
	}

	private static PledgeFacts oneOff(String status) {
		return new PledgeFacts(false, PledgeStatus.of(status), null, List.of(), START, null, false,
				"refunded".equals(status) ? EndedReason.REFUNDED : null, null);
	}

	private static CompFacts comp(Instant revokedAt) {
		return new CompFacts("patron", List.of("members-only", "ad-free", "events"), COMP_END, revokedAt);
	}

	private static Membership member(String status, String tier, List<String> benefits, Instant validUntil) {
		return new Membership(true, MembershipStatus.valueOf(status.toUpperCase(Locale.ROOT)), tier, benefits,
				validUntil);
	}

	private static Instant second(Instant instant, int seconds) {
		return instant.plusSeconds(seconds);
	}

}
