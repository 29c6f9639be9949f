package org.supporters.webhook;

/** Where one delivery stands. */
enum DeliveryStatus {

	/** Not yet answered with 2xx; waits for its next attempt. */
	PENDING,
	/** The receiver answered 2xx. */
	DELIVERED,
	/** Retried until its retry window closed, or its endpoint was deleted: given up. */
	FAILED;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static DeliveryStatus of(String code) {
		return valueOf(code.toUpperCase(java.util.Locale.ROOT));
	}

}
