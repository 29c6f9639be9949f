package org.supporters.supporter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --rebuild-report-summaries} recomputes the dashboard's summary, and repairs one
 * that went wrong (rows changed behind the triggers' back).
 */
class LedgerSummaryCommandTests extends IntegrationTest {

	@Autowired
	LedgerSummaryCommand command;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRebuildRepairsTheSummaryAndSaysWhatItWrote() {
		String before = summary();
		this.jdbc.update("update ledger_day set started = started + 5 where day = (select min(day) from ledger_day)");
		this.jdbc.update("insert into ledger_day (day, currency, past_due) values ('1999-01-01', 'EUR', 3)");
		assertThat(summary()).isNotEqualTo(before);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = this.command.execute(new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Rebuilt the report summaries: ")
			.containsPattern("[0-9,]+ parts, [0-9,]+ summary rows, in [0-9,]+ ms\\.");
		assertThat(summary()).isEqualTo(before);
	}

	/** The summary's non-zero figures, as text, in key order. */
	private String summary() {
		return String.join("\n", this.jdbc.queryForList("""
				select concat_ws(' ', day, tier_id, currency, billing_interval, started, ended, one_off_payments,
				                 one_off_minor, past_due, current_pledges, current_annual_minor, current_supporters,
				                 current_tier_supporters, failed, recovered, recovered_minor, active_after_failure)
				from ledger_day
				where (started, ended, one_off_payments, one_off_minor, past_due, current_pledges, current_annual_minor,
				       current_supporters, current_tier_supporters, failed, recovered, recovered_minor,
				       active_after_failure) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
				order by day, tier_id nulls first, currency, billing_interval nulls first
				""", String.class));
	}

}
