package org.supporters.ask;

import java.util.Arrays;
import java.util.Optional;

/** What members.js counts about an ask. */
enum AskEvent {

	SHOWN("shown"), CLICKED("clicked"), CLOSED("closed");

	private final String code;

	AskEvent(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	static Optional<AskEvent> of(String code) {
		return Arrays.stream(values()).filter((event) -> event.code.equals(code)).findFirst();
	}

}
