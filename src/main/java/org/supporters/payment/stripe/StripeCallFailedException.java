package org.supporters.payment.stripe;

import com.stripe.exception.StripeException;

import org.supporters.payment.PaymentProviderUnavailableException;

/**
 * Stripe did not answer, or answered with an error. An event being applied is retried
 * later; a reader starting a checkout is asked to send the form again.
 */
class StripeCallFailedException extends PaymentProviderUnavailableException {

	StripeCallFailedException(String what, StripeException cause) {
		super(what + " failed at Stripe (" + cause.getStatusCode() + "): " + cause.getMessage(), cause);
	}

}
