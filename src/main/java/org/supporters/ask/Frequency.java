package org.supporters.ask;

import java.util.Arrays;
import java.util.Optional;

/** The frequency an ask chooses on the support page, in the support form's words. */
enum Frequency {

	MONTHLY("monthly", "Monthly"), YEARLY("yearly", "Yearly"), ONE_OFF("one-off", "One-off");

	private final String code;

	private final String label;

	Frequency(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	static Optional<Frequency> of(String code) {
		return Arrays.stream(values()).filter((frequency) -> frequency.code.equals(code)).findFirst();
	}

}
