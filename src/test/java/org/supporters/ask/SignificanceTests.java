package org.supporters.ask;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two-proportion z-test against values worked out by hand. */
class SignificanceTests {

	@Test
	void tenAgainstThirteenPercentOfAThousandViewsEachIsSignificant() {
		// pooled p = 230/2000 = 0.115; SE = sqrt(0.115 · 0.885 · (1/1000 + 1/1000)) =
		// 0.0142671;
		// z = (0.13 − 0.10) / SE = 2.10274; two-sided p = 2 · (1 − Φ(2.10274)) = 0.035488
		Significance.Test test = Significance.twoProportions(100, 1000, 130, 1000);

		assertThat(test.z()).isCloseTo(2.10274, within(1e-5));
		assertThat(test.p()).isCloseTo(0.035488, within(1e-6));
		assertThat(test.significant()).isTrue();
	}

	@Test
	void twentyAgainstTwentyFivePercentIsSignificantAndTheSignSaysWhichIsHigher() {
		// pooled p = 0.225; SE = sqrt(0.225 · 0.775 · 0.002) = 0.018675; z = 0.05 / SE =
		// 2.67740;
		// p = 0.007420
		Significance.Test higher = Significance.twoProportions(200, 1000, 250, 1000);
		Significance.Test lower = Significance.twoProportions(250, 1000, 200, 1000);

		assertThat(higher.z()).isCloseTo(2.67740, within(1e-5));
		assertThat(lower.z()).isCloseTo(-2.67740, within(1e-5));
		assertThat(higher.p()).isCloseTo(0.0074196, within(1e-6));
		assertThat(lower.p()).isCloseTo(higher.p(), within(1e-12));
	}

	@Test
	void oneAgainstThreePledgesInAThousandIsNoEvidence() {
		// z = 0.002 / sqrt(0.002 · 0.998 · 0.002) = 1.00100; p = 0.316826
		Significance.Test test = Significance.twoProportions(1, 1000, 3, 1000);

		assertThat(test.p()).isCloseTo(0.316826, within(1e-6));
		assertThat(test.significant()).isFalse();
	}

	@Test
	void noVariationAtAllIsNoDifference() {
		assertThat(Significance.twoProportions(0, 500, 0, 800).p()).isEqualTo(1.0);
	}

	@Test
	void theErrorFunctionMatchesTabulatedValues() {
		// erfc(0.5) = 0.4795001, erfc(1) = 0.1572992, erfc(2) = 0.004677735 (Abramowitz &
		// Stegun)
		assertThat(Significance.erfc(0.5)).isCloseTo(0.4795001, within(1e-7));
		assertThat(Significance.erfc(1)).isCloseTo(0.1572992, within(1e-7));
		assertThat(Significance.erfc(2)).isCloseTo(0.004677735, within(1e-8));
	}

}
