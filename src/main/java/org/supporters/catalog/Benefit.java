package org.supporters.catalog;

/**
 * A benefit as people read it: its slug is what pages check (in tiers, tokens and the
 * membership API), its label and one-line description are the words shown.
 */
public record Benefit(String slug, String label, String description) {

	/**
	 * A benefit the catalog has no entry for: its slug read aloud, e.g. "Members only".
	 */
	static Benefit unnamed(String slug) {
		String words = slug.replace('-', ' ').strip();
		String label = words.isEmpty() ? slug : Character.toUpperCase(words.charAt(0)) + words.substring(1);
		return new Benefit(slug, label, "");
	}

	@Override
	public String toString() {
		return this.label;
	}

}
