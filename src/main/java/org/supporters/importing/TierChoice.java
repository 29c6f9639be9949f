package org.supporters.importing;

import org.supporters.catalog.Tier;

/**
 * How a tier of the other service becomes one of ours in the dry run.
 *
 * @param externalTier the tier's name in the file ("" for members without a tier)
 * @param tier ours, or {@code null}: imported without a comp ("none"), or chosen row by
 * row by price ({@link How#CLOSEST_PRICE})
 */
record TierChoice(String externalTier, Tier tier, How how, int rows) {

	enum How {

		/** Our tier has the same name or slug, in any letter case. */
		SAME_NAME("same name"),

		/** Staff (or {@code --map-tier}) chose it. */
		CHOSEN("chosen"),

		/** No match: each row gets a comp at our tier closest to their amount. */
		CLOSEST_PRICE("closest by price"),

		/** Imported and invited, without a comp. */
		NONE("none: no comp");

		private final String label;

		How(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
