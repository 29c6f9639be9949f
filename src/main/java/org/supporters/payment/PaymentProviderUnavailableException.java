package org.supporters.payment;

/**
 * The payment provider could not be reached or failed to answer; nothing was charged and
 * the same request can be tried again.
 */
public class PaymentProviderUnavailableException extends RuntimeException {

	public PaymentProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
