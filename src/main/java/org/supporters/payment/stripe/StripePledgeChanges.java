package org.supporters.payment.stripe;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.SubscriptionUpdateParams.CancellationDetails.Feedback;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.payment.ChangePreview;
import org.supporters.payment.PaymentProviderUnavailableException;
import org.supporters.payment.PledgeChangeRefusedException;
import org.supporters.payment.PledgeChangeRefusedException.Reason;
import org.supporters.payment.PledgeTerms;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.supporter.CancelReason;

/**
 * A reader's own changes to their Stripe subscription. A new price replaces the item's
 * with Stripe's proration, invoiced at once ({@code always_invoice}) and applied only
 * when that invoice is paid ({@code pending_if_incomplete}), so a declined card changes
 * nothing; the amount due now comes from Stripe's invoice preview. A cancel sets
 * {@code cancel_at_period_end} and keeps the reader's reason in the subscription's
 * metadata (and Stripe's own feedback field); a resume clears both. After each call the
 * subscription is read back through the inbox, as its webhook would be.
 */
@Component
@Conditional(StripeMode.class)
class StripePledgeChanges {

	static final String CANCEL_REASON = "cancel_reason";

	static final String CANCEL_COMMENT = "cancel_comment";

	private final StripeClient stripe;

	private final StripeCustomers customers;

	private final StripePrices prices;

	private final ProviderEventInbox inbox;

	private final Clock clock;

	StripePledgeChanges(StripeClient stripe, StripeCustomers customers, StripePrices prices, ProviderEventInbox inbox,
			Clock clock) {
		this.stripe = stripe;
		this.customers = customers;
		this.prices = prices;
		this.inbox = inbox;
		this.clock = clock;
	}

	ChangePreview preview(String email, String subscriptionId, PledgeTerms terms) {
		try {
			Subscription subscription = changeable(email, subscriptionId);
			SubscriptionItem item = subscription.getItems().getData().get(0);
			String price = this.prices.priceFor(terms.tierSlug(), terms.amount(), terms.interval());
			Invoice preview = this.stripe.v1()
				.invoices()
				.createPreview(InvoiceCreatePreviewParams.builder()
					.setCustomer(subscription.getCustomer())
					.setSubscription(subscription.getId())
					.setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
						.addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
							.setId(item.getId())
							.setPrice(price)
							.build())
						.setProrationBehavior(
								InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE)
						.setProrationDate(this.clock.instant().getEpochSecond())
						.build())
					.build());
			long due = (preview.getAmountDue() != null) ? Math.max(0, preview.getAmountDue()) : 0;
			return new ChangePreview(Money.of(due, preview.getCurrency().toUpperCase(Locale.ROOT)), terms.amount(),
					nextPaymentAt(item, terms.interval()));
		}
		catch (StripeException ex) {
			throw unavailable("Previewing a change", ex);
		}
	}

	void change(String email, String subscriptionId, PledgeTerms terms, String idempotencyKey) {
		try {
			Subscription subscription = changeable(email, subscriptionId);
			SubscriptionItem item = subscription.getItems().getData().get(0);
			String price = this.prices.priceFor(terms.tierSlug(), terms.amount(), terms.interval());
			Subscription updated = this.stripe.v1()
				.subscriptions()
				.update(subscriptionId, SubscriptionUpdateParams.builder()
					.addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setPrice(price).build())
					.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
					.setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.PENDING_IF_INCOMPLETE)
					// an empty value removes the key: an own amount has no tier
					.putMetadata("tier", (terms.tierSlug() != null) ? terms.tierSlug() : "")
					.build(), options("change", idempotencyKey));
			if (updated.getPendingUpdate() != null) {
				// Stripe keeps the old price until the prorated invoice is paid: the card
				// was declined, and nothing changed
				throw new PledgeChangeRefusedException(Reason.DECLINED);
			}
			readBack(idempotencyKey, updated);
		}
		catch (StripeException ex) {
			throw unavailable("Changing a subscription", ex);
		}
	}

	void cancel(String email, String subscriptionId, CancelReason reason, String comment, String idempotencyKey) {
		try {
			changeable(email, subscriptionId);
			SubscriptionUpdateParams.CancellationDetails.Builder details = SubscriptionUpdateParams.CancellationDetails
				.builder();
			if (reason != null) {
				details.setFeedback(feedback(reason));
			}
			Subscription updated = this.stripe.v1()
				.subscriptions()
				.update(subscriptionId,
						SubscriptionUpdateParams.builder()
							.setCancelAtPeriodEnd(true)
							.setCancellationDetails(details.build())
							.putMetadata(CANCEL_REASON, (reason != null) ? reason.code() : "")
							.putMetadata(CANCEL_COMMENT, (comment != null) ? comment : "")
							.build(),
						options("cancel", idempotencyKey));
			readBack(idempotencyKey, updated);
		}
		catch (StripeException ex) {
			throw unavailable("Canceling a subscription", ex);
		}
	}

	void resume(String email, String subscriptionId, String idempotencyKey) {
		try {
			Subscription subscription = owned(email, subscriptionId);
			if (!Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd())) {
				return;
			}
			Subscription updated = this.stripe.v1()
				.subscriptions()
				.update(subscriptionId,
						SubscriptionUpdateParams.builder()
							.setCancelAtPeriodEnd(false)
							.putMetadata(CANCEL_REASON, "")
							.putMetadata(CANCEL_COMMENT, "")
							.build(),
						options("resume", idempotencyKey));
			readBack(idempotencyKey, updated);
		}
		catch (StripeException ex) {
			throw unavailable("Resuming a subscription", ex);
		}
	}

	/** The reader's subscription; one of someone else's is answered as one that ended. */
	private Subscription owned(String email, String subscriptionId) throws StripeException {
		Optional<String> customer = this.customers.customerOf(email);
		Subscription subscription;
		try {
			subscription = this.stripe.v1().subscriptions().retrieve(subscriptionId);
		}
		catch (com.stripe.exception.InvalidRequestException ex) {
			if (ex.getStatusCode() != null && ex.getStatusCode() == 404) {
				throw new PledgeChangeRefusedException(Reason.ENDED);
			}
			throw ex;
		}
		if (customer.isEmpty() || !customer.get().equals(subscription.getCustomer())
				|| StripeReports.isCanceled(subscription) || subscription.getItems() == null
				|| subscription.getItems().getData().isEmpty()) {
			throw new PledgeChangeRefusedException(Reason.ENDED);
		}
		return subscription;
	}

	private Subscription changeable(String email, String subscriptionId) throws StripeException {
		Subscription subscription = owned(email, subscriptionId);
		StripeSubscriptionStatus status = StripeSubscriptionStatus.of(subscription.getStatus());
		if (status != StripeSubscriptionStatus.ACTIVE) {
			throw new PledgeChangeRefusedException(Reason.PAYMENT_FAILING);
		}
		if (Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()) || subscription.getCancelAt() != null) {
			throw new PledgeChangeRefusedException(Reason.CANCELING);
		}
		return subscription;
	}

	/**
	 * Applies the subscription (and the prorated invoice it paid) through the inbox now,
	 * as its webhooks will again later, changing nothing twice.
	 */
	private void readBack(String idempotencyKey, Subscription updated) {
		Instant now = this.clock.instant();
		String eventId = "change_" + idempotencyKey;
		this.inbox.receive(StripePaymentProvider.PROVIDER, eventId, "customer.subscription.updated", StripeReports
			.syntheticEvent(eventId, "customer.subscription.updated", "subscription", updated.getId(), now));
		this.inbox.applyNow(StripePaymentProvider.PROVIDER, eventId);
		if (updated.getLatestInvoice() != null) {
			String invoiceEventId = "change_invoice_" + idempotencyKey;
			this.inbox.receive(StripePaymentProvider.PROVIDER, invoiceEventId, "invoice.paid", StripeReports
				.syntheticEvent(invoiceEventId, "invoice.paid", "invoice", updated.getLatestInvoice(), now));
			this.inbox.applyNow(StripePaymentProvider.PROVIDER, invoiceEventId);
		}
	}

	private Instant nextPaymentAt(SubscriptionItem item, BillingInterval interval) {
		String current = item.getPrice().getRecurring().getInterval();
		if (interval.code().equals(current)) {
			return Instant.ofEpochSecond(item.getCurrentPeriodEnd());
		}
		// Stripe starts a new period when the interval changes
		return interval.periodEnd(this.clock.instant());
	}

	private static Feedback feedback(CancelReason reason) {
		return switch (reason) {
			case TOO_EXPENSIVE -> Feedback.TOO_EXPENSIVE;
			case NOT_READING -> Feedback.UNUSED;
			case UNHAPPY -> Feedback.LOW_QUALITY;
			case OTHER_PUBLICATION -> Feedback.SWITCHED_SERVICE;
			case OTHER -> Feedback.OTHER;
		};
	}

	private static RequestOptions options(String what, String idempotencyKey) {
		return RequestOptions.builder().setIdempotencyKey("supporters-" + what + "-" + idempotencyKey).build();
	}

	private static RuntimeException unavailable(String what, StripeException ex) {
		return new PaymentProviderUnavailableException(what + " failed at Stripe", ex);
	}

}
