package org.supporters.payment;

/** What the provider says of a reader coming back from its checkout page. */
public enum ReturnConfirmation {

	/** Paid, and recorded. */
	PAID,
	/** Genuine, but the provider has not confirmed payment yet. */
	PENDING,
	/** Not a return the provider made: forged or tampered with. */
	INVALID

}
