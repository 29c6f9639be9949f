package org.supporters.pledge;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;

/**
 * A valid choice made on the support page.
 *
 * @param tier {@code null} for an own or preset amount
 * @param interval {@code null} for a one-off contribution
 */
record PledgeChoice(Tier tier, Money amount, BillingInterval interval, String email, String name) {

	boolean recurring() {
		return this.interval != null;
	}

	/** Said back to the reader, e.g. "Supporter, €10.00 monthly" or "€25.00 one-off". */
	String description() {
		String when = recurring() ? this.interval.adjective() : "one-off";
		return ((this.tier != null) ? this.tier.name() + ", " : "") + this.amount.formatted() + " " + when;
	}

}
