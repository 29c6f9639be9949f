package org.supporters.supporter;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The operator's way to recompute the dashboard's summary from pledges and payments, run
 * instead of the service: {@code java -jar supporters.jar --rebuild-report-summaries}.
 * Needed only after pledges or payments were changed with the schema's triggers off; the
 * service rebuilds by itself when the grace days change.
 */
@Component
class LedgerSummaryCommand implements ApplicationRunner {

	static final String OPTION = "rebuild-report-summaries";

	private final LedgerSummaries summaries;

	private final ConfigurableApplicationContext context;

	LedgerSummaryCommand(LedgerSummaries summaries, ConfigurableApplicationContext context) {
		this.summaries = summaries;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption(OPTION)) {
			int code = execute(System.out);
			System.exit(SpringApplication.exit(this.context, () -> code));
		}
	}

	/** Rebuilds and says what it wrote; the process's exit code. */
	int execute(PrintStream out) {
		Instant start = Instant.now();
		LedgerSummaries.Rebuilt rebuilt = this.summaries.rebuild();
		out.printf("Rebuilt the report summaries: %,d parts, %,d summary rows, in %,d ms.%n", rebuilt.parts(),
				rebuilt.days(), Duration.between(start, Instant.now()).toMillis());
		return 0;
	}

}
