package org.supporters.membership;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;

/**
 * The one rule for whose recurring pledge is current, for membership and for the staff
 * reports alike: active and paid through its period, or past due (a renewal failed and
 * the provider retries) within the grace days after its period end. The dashboard's SQL
 * is this rule written over a pledge table. (An ended pledge is never current; a reader
 * who canceled keeps what they paid for, which is membership's own rule.)
 */
@Component
public class CurrentSupporters {

	private final Duration grace;

	CurrentSupporters(MembershipProperties properties) {
		this.grace = Duration.ofDays(properties.graceDays());
	}

	/**
	 * Until when a recurring pledge counts, whatever the time now; {@code null} when it
	 * does not count at all.
	 */
	Instant currentUntil(PledgeStatus status, Instant periodEnd) {
		if (periodEnd == null) {
			return null;
		}
		return switch (status) {
			case ACTIVE -> periodEnd;
			case PAST_DUE -> periodEnd.plus(this.grace);
			default -> null;
		};
	}

	/**
	 * The same rule as a SQL condition over the pledge table named {@code alias}, with
	 * one parameter: now, as a {@code timestamptz}.
	 */
	public String sql(String alias) {
		// kind and status as literals, so that the partial index of V6 serves it
		return """
				(%1$s.kind = '%2$s' and %1$s.status in ('%3$s', '%4$s')
				 and %1$s.current_period_end + case %1$s.status when '%4$s' then interval '%5$d seconds'
				     else interval '0 seconds' end > ?::timestamptz)""".formatted(alias, PledgeKind.RECURRING.code(),
				PledgeStatus.ACTIVE.code(), PledgeStatus.PAST_DUE.code(), this.grace.toSeconds());
	}

}
