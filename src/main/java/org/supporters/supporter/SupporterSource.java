package org.supporters.supporter;

/** Where an imported supporter came from. */
public enum SupporterSource {

	/** Patreon's members CSV, from its Relationship Manager. */
	PATREON("patreon", "Patreon"),

	/** Another service's or a spreadsheet's CSV in the generic columns. */
	CSV("csv", "a CSV import");

	private final String code;

	private final String label;

	SupporterSource(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The word stored in the database and given on the command line. */
	public String code() {
		return this.code;
	}

	/** For people: "came from Patreon". */
	public String label() {
		return this.label;
	}

	public static SupporterSource of(String code) {
		for (SupporterSource value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown SupporterSource: " + code);
	}

}
