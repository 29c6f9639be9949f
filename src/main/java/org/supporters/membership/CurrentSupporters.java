package org.supporters.membership;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;

/**
 * The one rule for whose recurring pledge is current, for membership and for the staff
 * reports alike: active and paid through its period, or past due (a renewal failed and
 * the provider retries) in grace. Grace lasts the grace days after the period end at
 * least, and as long as the provider still retries: until its next retry, and a day for
 * that retry's outcome to reach us. It ends when the provider gives up (the pledge ends).
 * The dashboard's SQL is this rule written over a pledge table. (An ended pledge is never
 * current; a reader who canceled keeps what they paid for, which is membership's own
 * rule.) It also says how long a one-off contribution's benefits last.
 */
@Component
public class CurrentSupporters {

	/**
	 * How long after the provider's planned retry its outcome may take to arrive: Stripe
	 * retries around the time it names, and its webhook follows.
	 */
	static final Duration RETRY_OUTCOME_MARGIN = Duration.ofDays(1);

	private final Duration grace;

	private final Duration contributorPeriod;

	CurrentSupporters(MembershipProperties properties) {
		this.grace = Duration.ofDays(properties.graceDays());
		this.contributorPeriod = Duration.ofDays(properties.contributorDays());
	}

	/**
	 * Until when a recurring pledge counts, whatever the time now; {@code null} when it
	 * does not count at all.
	 * @param nextRetryAt when the provider retries a past-due pledge next, or
	 * {@code null}
	 */
	public Instant currentUntil(PledgeStatus status, Instant periodEnd, Instant nextRetryAt) {
		if (periodEnd == null) {
			return null;
		}
		return switch (status) {
			case ACTIVE -> periodEnd;
			case PAST_DUE -> {
				Instant graceEnd = periodEnd.plus(this.grace);
				Instant retryEnd = (nextRetryAt != null) ? nextRetryAt.plus(RETRY_OUTCOME_MARGIN) : null;
				yield (retryEnd != null && retryEnd.isAfter(graceEnd)) ? retryEnd : graceEnd;
			}
			default -> null;
		};
	}

	/** Until when a one-off contribution paid at {@code paidAt} gives its benefits. */
	public Instant contributorUntil(Instant paidAt) {
		return paidAt.plus(this.contributorPeriod);
	}

	/** How long a past-due pledge counts after its period end at least. */
	Duration grace() {
		return this.grace;
	}

	/** How long a one-off contribution gives its benefits. */
	public Duration contributorPeriod() {
		return this.contributorPeriod;
	}

	/**
	 * The same rule as a SQL condition over the pledge table named {@code alias}, with
	 * one parameter: now, as a {@code timestamptz}.
	 */
	public String sql(String alias) {
		// kind and status as literals, so that the partial index of V6 serves it;
		// greatest() passes over a null next retry
		return """
				(%1$s.kind = '%2$s' and %1$s.status in ('%3$s', '%4$s')
				 and case %1$s.status when '%4$s' then greatest(%1$s.current_period_end + interval '%5$d seconds',
				         %1$s.next_retry_at + interval '%6$d seconds')
				     else %1$s.current_period_end end > ?::timestamptz)""".formatted(alias, PledgeKind.RECURRING.code(),
				PledgeStatus.ACTIVE.code(), PledgeStatus.PAST_DUE.code(), this.grace.toSeconds(),
				RETRY_OUTCOME_MARGIN.toSeconds());
	}

}
