package org.supporters.payment;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * What a reader asks a recurring pledge to be charged from now on.
 *
 * @param tierSlug the tier, or {@code null} for an own amount
 * @param description the pledge as the reader reads it, e.g. "Supporter, €10.00 monthly"
 */
public record PledgeTerms(String tierSlug, Money amount, BillingInterval interval, String description) {
}
