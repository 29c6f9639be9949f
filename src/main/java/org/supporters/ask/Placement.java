package org.supporters.ask;

import java.util.Arrays;
import java.util.Optional;

/** Where on the page an ask goes; one live ask per placement. */
enum Placement {

	/** {@code [data-support-ask]}, at the end of an article. */
	ARTICLE("article", "End of article"),

	/** {@code [data-support-banner]}, at the top of the page; a reader may close it. */
	BANNER("banner", "Banner");

	private final String code;

	private final String label;

	Placement(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	static Optional<Placement> of(String code) {
		return Arrays.stream(values()).filter((placement) -> placement.code.equals(code)).findFirst();
	}

}
