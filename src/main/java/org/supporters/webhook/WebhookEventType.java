package org.supporters.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events an endpoint can ask for, by their names on the wire (public {@code code()}
 * for the page).
 */
enum WebhookEventType {

	SUPPORTER_CREATED("supporter.created"), MEMBERSHIP_CHANGED("membership.changed"), PLEDGE_STARTED("pledge.started"),
	PLEDGE_ENDED("pledge.ended"), PAYMENT_SUCCEEDED("payment.succeeded"), PAYMENT_REFUNDED("payment.refunded");

	private final String code;

	WebhookEventType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	static Optional<WebhookEventType> of(String code) {
		return Arrays.stream(values()).filter((type) -> type.code.equals(code)).findFirst();
	}

}
