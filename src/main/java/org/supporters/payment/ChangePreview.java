package org.supporters.payment;

import java.time.Instant;

import org.supporters.catalog.Money;

/**
 * What a change would cost, as the provider computes it: the prorated amount charged at
 * once (zero when the change leaves credit), and the next regular payment.
 */
public record ChangePreview(Money dueNow, Money nextAmount, Instant nextPaymentAt) {
}
