package org.supporters.payment;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import org.supporters.payment.stripe.StripeReconciliation;

/**
 * What reconciling with the provider found and put right, for staff. Only Stripe is
 * reconciled: the sandbox cannot miss its own events, so in sandbox mode there is none.
 */
@Service
public class ProviderReconciliation {

	private final ObjectProvider<StripeReconciliation> stripe;

	ProviderReconciliation(ObjectProvider<StripeReconciliation> stripe) {
		this.stripe = stripe;
	}

	/** The latest findings, newest first. */
	public List<ReconciliationDrift> recentDrift(int limit) {
		StripeReconciliation reconciliation = this.stripe.getIfAvailable();
		return (reconciliation != null) ? reconciliation.recentDrift(limit) : List.of();
	}

	/** Whether the running provider is reconciled at all. */
	public boolean runs() {
		return this.stripe.getIfAvailable() != null;
	}

}
