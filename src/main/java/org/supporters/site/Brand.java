package org.supporters.site;

/**
 * The publication as readers see it, each part {@code null} when not set (then pages and
 * mails stay neutral).
 *
 * @param name the publication's name: the one set here, else
 * {@code SUPPORTERS_PUBLICATION_NAME}
 * @param accent a hex colour, e.g. {@code #0b4f8a}, with at least 4.5:1 contrast against
 * white
 * @param logoPath where the service serves the logo, its content hash in the path
 * @param themePath the stylesheet that sets the accent colour, or {@code null}
 */
public record Brand(String name, String accent, String homeUrl, String privacyUrl, String termsUrl, String contactUrl,
		String supportHeadline, String supportText, String logoPath, String themePath) {

	/** Whether any footer link is set. */
	public boolean hasFooterLinks() {
		return this.privacyUrl != null || this.termsUrl != null || this.contactUrl != null;
	}

}
