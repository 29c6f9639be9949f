package org.supporters.importing;

/** Where an upload is: still a dry run, or imported. */
enum ImportStatus {

	DRY_RUN("dry_run"), IMPORTED("imported");

	private final String code;

	ImportStatus(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static ImportStatus of(String code) {
		for (ImportStatus value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown ImportStatus: " + code);
	}

}
