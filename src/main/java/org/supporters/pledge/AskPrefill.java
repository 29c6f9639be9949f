package org.supporters.pledge;

import java.util.List;

/**
 * What an ask's variant pre-fills on the support page.
 *
 * @param amounts suggested amounts in minor units of the site's currency, already within
 * the pledge limits
 * @param frequency {@code monthly}, {@code yearly} or {@code one-off}
 */
public record AskPrefill(List<Long> amounts, String frequency) {

	public AskPrefill {
		amounts = List.copyOf(amounts);
	}

}
