package org.supporters.ask;

/**
 * The two-proportion z-test (pooled, two-sided): whether two rates, e.g. the
 * click-through of two variants, differ by more than chance would explain.
 */
final class Significance {

	private Significance() {
	}

	/**
	 * @param x1 successes of the first group (e.g. clicks) out of {@code n1} trials
	 * (views)
	 * @return z and the two-sided p-value; p is 1 when there is no variation at all
	 */
	static Test twoProportions(long x1, long n1, long x2, long n2) {
		if (n1 <= 0 || n2 <= 0) {
			throw new IllegalArgumentException("both groups need trials");
		}
		double p1 = (double) x1 / n1;
		double p2 = (double) x2 / n2;
		double pooled = (double) (x1 + x2) / (n1 + n2);
		double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
		if (standardError == 0) {
			return new Test(0, 1);
		}
		double z = (p2 - p1) / standardError;
		return new Test(z, erfc(Math.abs(z) / Math.sqrt(2)));
	}

	/**
	 * The complementary error function, by the Chebyshev fit of Numerical Recipes
	 * (relative error below 1.2e-7 everywhere), enough for p-values shown to three
	 * decimals.
	 */
	static double erfc(double x) {
		double z = Math.abs(x);
		double t = 1 / (1 + 0.5 * z);
		double r = t * Math
			.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
					+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
		return (x >= 0) ? r : 2 - r;
	}

	/**
	 * @param p the two-sided p-value
	 */
	record Test(double z, double p) {

		boolean significant() {
			return this.p < 0.05;
		}

	}

}
