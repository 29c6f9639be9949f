package org.supporters.payment.stripe;

import com.stripe.exception.StripeException;

/**
 * Stripe did not answer, or answered with an error. An event being applied is retried
 * later.
 */
class StripeCallFailedException extends RuntimeException {

	StripeCallFailedException(String what, StripeException cause) {
		super(what + " failed at Stripe (" + cause.getStatusCode() + "): " + cause.getMessage(), cause);
	}

}
