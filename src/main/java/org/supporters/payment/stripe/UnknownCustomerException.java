package org.supporters.payment.stripe;

/**
 * An event names a Stripe customer the service has not recorded (yet): it waits and is
 * retried, rather than creating a supporter from someone else's data.
 */
class UnknownCustomerException extends RuntimeException {

	UnknownCustomerException(String customerId) {
		super("Stripe customer " + customerId + " is not one of ours yet; will retry");
	}

}
