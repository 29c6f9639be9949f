package org.supporters.account;

import java.util.Currency;

import org.supporters.catalog.Money;

/**
 * The amounts a reader may choose for their own pledge, by the same rules as the support
 * page (the pledge module answers, so that the account page cannot drift from them).
 */
public interface PledgeAmounts {

	/** The amount the reader typed, or the message to show next to the field. */
	AmountCheck check(String typed, Currency currency);

	/** Either an amount or a message. */
	record AmountCheck(Money amount, String error) {

		public static AmountCheck ok(Money amount) {
			return new AmountCheck(amount, null);
		}

		public static AmountCheck error(String message) {
			return new AmountCheck(null, message);
		}

	}

}
