package org.supporters.site;

/**
 * The row as stored, without the logo's bytes; {@code null} for each part not set.
 *
 * @param logoHash the start of the logo's SHA-256 in hex
 * @param logoType the logo's verified media type
 */
record StoredBrand(String name, String accent, String homeUrl, String privacyUrl, String termsUrl, String contactUrl,
		String supportHeadline, String supportText, String logoHash, String logoType) {

	static final StoredBrand NOTHING = new StoredBrand(null, null, null, null, null, null, null, null, null, null);

}
