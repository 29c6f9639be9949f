package org.supporters.importing;

/** The campaign's mails: each at most once per patron (a reminder once per day count). */
enum CampaignMailKind {

	INVITATION("invitation"), REMINDER("reminder"), ENDED("ended");

	private final String code;

	CampaignMailKind(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static CampaignMailKind of(String code) {
		for (CampaignMailKind value : values()) {
			if (value.code.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown CampaignMailKind: " + code);
	}

}
