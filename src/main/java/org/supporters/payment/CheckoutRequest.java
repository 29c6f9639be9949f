package org.supporters.payment;

import java.net.URI;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

/**
 * What a reader is about to pay for.
 *
 * @param interval how often, or {@code null} for a one-off contribution
 * @param tierSlug the tier, or {@code null} for an own amount
 */
public record CheckoutRequest(UUID checkoutId, String email, String name, String description, String tierSlug,
		Money amount, BillingInterval interval, URI successUrl, URI cancelUrl) {
}
