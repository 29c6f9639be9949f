package org.supporters.payment.sandbox;

import java.util.Arrays;

/** Stripe's test card numbers, and what each one does in the sandbox. */
enum TestCard {

	SUCCEEDS("4242424242424242"), DECLINED("4000000000000002"), INSUFFICIENT_FUNDS("4000000000009995"),
	REQUIRES_AUTHENTICATION("4000002500003155"), FAILS_RENEWALS("4000000000000341");

	private final String number;

	TestCard(String number) {
		this.number = number;
	}

	/**
	 * The card for the digits typed, ignoring spaces; {@code null} when it is not a test
	 * card.
	 */
	static TestCard of(String digits) {
		return Arrays.stream(values()).filter((card) -> card.number.equals(digits)).findFirst().orElse(null);
	}

}
