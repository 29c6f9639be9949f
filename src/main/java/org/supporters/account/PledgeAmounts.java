package org.supporters.account;

import java.util.Currency;
import java.util.List;

import org.springframework.validation.Errors;

import org.supporters.catalog.Money;

/**
 * The amounts a reader may choose for their own pledge, by the same rules as the support
 * page (the pledge module answers, so that the account page cannot drift from them).
 */
public interface PledgeAmounts {

	/**
	 * The amount the reader typed, or the message to show next to the field (amounts in
	 * it formatted for the current request's reader).
	 */
	AmountCheck check(String typed, Currency currency);

	/**
	 * Either an amount or a message: its key in the bundles ({@code amount.error.*}) and
	 * its arguments.
	 */
	record AmountCheck(Money amount, String error, List<String> arguments) {

		public static AmountCheck ok(Money amount) {
			return new AmountCheck(amount, null, List.of());
		}

		public static AmountCheck error(String key, String... arguments) {
			return new AmountCheck(null, key, List.of(arguments));
		}

		/** Rejects the field with this message. */
		public void reject(Errors errors, String field) {
			errors.rejectValue(field, this.error, this.arguments.toArray(), null);
		}

	}

}
