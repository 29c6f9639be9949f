package org.supporters.importing;

import java.util.List;

import org.supporters.catalog.Money;

/**
 * How the move of one import goes: every figure counts the patrons that import brought
 * in; money per currency, never summed across.
 *
 * @param pledgedMrr the monthly revenue of their pledges here, one per currency (a yearly
 * pledge counts a twelfth)
 */
record CampaignReport(long imported, long invited, long opened, long pledged, List<Money> pledgedMrr, long onComp,
		long lapsed, long unsubscribed, List<TierLine> tiers, List<Week> weeks) {

	/** The figures of one of the file's tiers. */
	record TierLine(String tier, long imported, long pledged, long onComp, long lapsed) {
	}

	/** One week of the move: how many pledged, and how many comps ended unpledged. */
	record Week(String label, long pledged, long lapsed) {
	}

}
