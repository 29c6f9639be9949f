package org.supporters.membership;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.supporter.PledgeStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The one rule of a current supporter, in Java for membership and in SQL for the staff
 * reports, gives the same answer on real PostgreSQL: grace that follows the provider's
 * retries included.
 */
class CurrentSupportersTests extends IntegrationTest {

	private static final Instant PERIOD_END = Instant.parse("2031-03-01T12:00:00Z");

	@Autowired
	CurrentSupporters current;

	@Autowired
	JdbcTemplate jdbc;

	static Stream<Arguments> pledges() {
		return Stream.of(argumentSet("active, a second before period end", "active", null, -1, true),
				argumentSet("active, at period end", "active", null, 0, false),
				argumentSet("past due, no retry planned, a second before the grace days end", "past_due", null,
						days(7) - 1, true),
				argumentSet("past due, no retry planned, when the grace days end", "past_due", null, days(7), false),
				argumentSet("past due, retrying within the grace days: the grace days count", "past_due", days(3),
						days(7) - 1, true),
				argumentSet("past due, retrying on day 15: a member on day 15", "past_due", days(15), days(15), true),
				argumentSet("past due, retrying on day 15: a second before the day after", "past_due", days(15),
						days(16) - 1, true),
				argumentSet("past due, retrying on day 15: no word a day after", "past_due", days(15), days(16), false),
				argumentSet("canceled: never current here", "canceled", null, -1, false));
	}

	@ParameterizedTest
	@MethodSource
	void pledges(String status, Long nextRetrySeconds, long nowSeconds, boolean expected) {
		Instant nextRetry = (nextRetrySeconds != null) ? PERIOD_END.plusSeconds(nextRetrySeconds) : null;
		Instant now = PERIOD_END.plusSeconds(nowSeconds);
		UUID pledge = pledge(status, nextRetry);

		Instant until = this.current.currentUntil(PledgeStatus.of(status), PERIOD_END, nextRetry);
		boolean java = until != null && now.isBefore(until);
		boolean sql = this.jdbc.queryForObject(
				"select count(*) from pledge p where p.id = ? and " + this.current.sql("p"), Long.class, pledge,
				Timestamp.from(now)) == 1;

		assertThat(java).as("Java").isEqualTo(expected);
		assertThat(sql).as("SQL").isEqualTo(expected);
	}

	private UUID pledge(String status, Instant nextRetry) {
		UUID supporter = this.jdbc.queryForObject("insert into supporter (email) values (?) returning id", UUID.class,
				"current-" + UUID.randomUUID() + "@example.org");
		boolean ended = "canceled".equals(status);
		return this.jdbc.queryForObject("""
				insert into pledge (supporter_id, kind, amount_minor, currency, billing_interval, status, provider,
				                    provider_ref, current_period_end, next_retry_at, ended_at, ended_reason,
				                    provider_state_at)
				values (?, 'recurring', 1000, 'EUR', 'month', ?, 'sandbox', ?, ?, ?, ?, ?, now()) returning id""",
				UUID.class, supporter, status, "sub_current_" + UUID.randomUUID(), Timestamp.from(PERIOD_END),
				(nextRetry != null) ? Timestamp.from(nextRetry) : null, ended ? Timestamp.from(PERIOD_END) : null,
				ended ? "canceled" : null);
	}

	private static long days(int days) {
		return Duration.ofDays(days).toSeconds();
	}

}
