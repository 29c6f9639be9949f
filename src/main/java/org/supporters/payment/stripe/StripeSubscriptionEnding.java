package org.supporters.payment.stripe;

import java.time.Clock;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.SubscriptionCancelParams;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.supporters.supporter.PledgeEnded;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.Provider;

/**
 * Stops the Stripe subscription of a pledge the ledger ended (money taken back), which
 * Stripe would otherwise go on charging. It runs in the transaction that applies the
 * event, so a failed call fails that event, which the inbox retries; the idempotency key
 * makes a retried cancel one cancel.
 */
@Component
@Conditional(StripeMode.class)
class StripeSubscriptionEnding {

	private final StripeClient stripe;

	private final StripeReports reports;

	private final Clock clock;

	StripeSubscriptionEnding(StripeClient stripe, StripeReports reports, Clock clock) {
		this.stripe = stripe;
		this.reports = reports;
		this.clock = clock;
	}

	@EventListener
	void on(PledgeEnded ended) {
		if (ended.provider() != Provider.STRIPE || ended.kind() != PledgeKind.RECURRING) {
			return;
		}
		try {
			Subscription subscription = this.reports.retrieveSubscription(ended.reference());
			if (StripeReports.isCanceled(subscription)) {
				return;
			}
			Subscription canceled = this.stripe.v1()
				.subscriptions()
				.cancel(subscription.getId(),
						SubscriptionCancelParams.builder()
							.setProrate(false)
							.setCancellationDetails(SubscriptionCancelParams.CancellationDetails.builder()
								.setComment(ended.reason().code())
								.build())
							.build(),
						RequestOptions.builder()
							.setIdempotencyKey("supporters-end-" + subscription.getId() + "-" + ended.reason().code())
							.build());
			// what was applied is now the canceled subscription: reconciliation has
			// nothing to put right
			this.reports.remember(canceled, this.clock.instant());
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Canceling " + ended.reference(), ex);
		}
	}

}
