package org.supporters.payment.sandbox;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.payment.ChangePreview;
import org.supporters.payment.PledgeTerms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * What the sandbox charges at once for a reader's change, as Stripe does with
 * {@code always_invoice}: prorated to the second, a new period for a new interval, and
 * nothing now for a change that leaves credit.
 */
class SandboxProrationTests {

	/** A 30-day period (April), half of it left. */
	private static final Instant PERIOD_END = Instant.parse("2026-05-01T00:00:00Z");

	private static final Instant HALFWAY = Instant.parse("2026-04-16T00:00:00Z");

	static Stream<Arguments> changes() {
		return Stream.of(
				argumentSet("more a month, half-way: half the difference now", terms(2000, BillingInterval.MONTH),
						HALFWAY, 500L, PERIOD_END),
				argumentSet("less a month: nothing now, the new price from the next payment",
						terms(500, BillingInterval.MONTH), HALFWAY, 0L, PERIOD_END),
				argumentSet("yearly: the year's price less the unused half month, a new period from now",
						terms(10000, BillingInterval.YEAR), HALFWAY, 9500L, Instant.parse("2027-04-16T00:00:00Z")),
				argumentSet("at the very start of the period: the whole difference", terms(1500, BillingInterval.MONTH),
						Instant.parse("2026-04-01T00:00:00Z"), 500L, PERIOD_END));
	}

	@ParameterizedTest
	@MethodSource
	void changes(PledgeTerms terms, Instant now, long dueNow, Instant nextPaymentAt) {
		ChangePreview preview = SandboxChanges.prorate(Money.of(1000, "EUR"), BillingInterval.MONTH, PERIOD_END, terms,
				now);

		assertThat(preview.dueNow()).isEqualTo(Money.of(dueNow, "EUR"));
		assertThat(preview.nextAmount()).isEqualTo(terms.amount());
		assertThat(preview.nextPaymentAt()).isEqualTo(nextPaymentAt);
	}

	private static PledgeTerms terms(long minor, BillingInterval interval) {
		return new PledgeTerms(null, Money.of(minor, "EUR"), interval, "");
	}

}
