package org.supporters.catalog;

import java.util.List;

/**
 * A tier as an admin creates or edits it, with its prices in the catalog's currency.
 *
 * @param slug the tier's stable name in URLs and tokens (kept when editing)
 */
public record TierChange(String slug, String name, String description, List<String> benefits, Money monthly,
		Money yearly) {
}
