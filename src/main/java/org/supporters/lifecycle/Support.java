package org.supporters.lifecycle;

import java.util.List;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * A pledge as its mails tell of it.
 *
 * @param interval {@code null} for a one-off contribution
 * @param tierName the catalog's name of its tier, or {@code null} for an own amount or a
 * contribution
 * @param benefits the benefits' slugs
 */
record Support(Money amount, BillingInterval interval, String tierName, List<String> benefits) {
}
