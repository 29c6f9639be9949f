package org.supporters.payment.stripe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.DisputeListParams;
import com.stripe.param.InvoicePaymentListParams;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.payment.ReceivedEvent;
import org.supporters.payment.stripe.StripeRepository.AppliedSubscription;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeReported;
import org.supporters.supporter.PledgeReported.State;
import org.supporters.supporter.Provider;
import org.supporters.supporter.ProviderReport;

/**
 * Reads Stripe events into what they mean now. An event's own copy of an object may be
 * stale by the time it is applied (events arrive late and out of order), so every event
 * only names the object to re-fetch; reports carry Stripe's current state, observed now.
 * A pledge is a subscription (recurring) or a payment intent (one-off); a subscription's
 * payment is its invoice. What follows from a report (a refund ending a pledge) is the
 * ledger's to decide; {@link StripeSubscriptionEnding} stops the subscription it ends.
 */
@Component
@Conditional(StripeMode.class)
class StripeReports {

	private final StripeClient stripe;

	private final StripeCustomers customers;

	private final StripeRepository repository;

	private final Clock clock;

	StripeReports(StripeClient stripe, StripeCustomers customers, StripeRepository repository, Clock clock) {
		this.stripe = stripe;
		this.customers = customers;
		this.repository = repository;
		this.clock = clock;
	}

	/** An event of the service's own making that names one Stripe object to re-fetch. */
	static String syntheticEvent(String eventId, String type, String objectType, String objectId, Instant created) {
		JsonObject object = new JsonObject();
		object.addProperty("id", objectId);
		object.addProperty("object", objectType);
		JsonObject data = new JsonObject();
		data.add("object", object);
		JsonObject event = new JsonObject();
		event.addProperty("id", eventId);
		event.addProperty("object", "event");
		event.addProperty("type", type);
		event.addProperty("created", created.getEpochSecond());
		event.add("data", data);
		return event.toString();
	}

	List<ProviderReport> read(ReceivedEvent event) {
		JsonObject object = JsonParser.parseString(event.payload())
			.getAsJsonObject()
			.getAsJsonObject("data")
			.getAsJsonObject("object");
		String id = object.get("id").getAsString();
		try {
			return switch (event.type()) {
				case "checkout.session.completed", "checkout.session.async_payment_succeeded",
						"checkout.session.async_payment_failed" ->
					checkoutSession(id);
				case "invoice.paid", "invoice.payment_failed", "invoice.payment_succeeded" -> invoice(id);
				case "customer.subscription.created", "customer.subscription.updated",
						"customer.subscription.deleted" ->
					subscription(retrieveSubscription(id)).map(List::<ProviderReport>of).orElse(List.of());
				case "charge.refunded", "charge.succeeded", "charge.failed" -> charge(id);
				case "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed" ->
					charge(this.stripe.v1().disputes().retrieve(id).getCharge());
				// an expired checkout was never paid: the pledge flow expires its own
				// checkouts
				default -> List.of();
			};
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Reading " + event.type() + " " + event.eventId(), ex);
		}
	}

	private List<ProviderReport> checkoutSession(String sessionId) throws StripeException {
		Session session = this.stripe.v1().checkout().sessions().retrieve(sessionId);
		if ("subscription".equals(session.getMode()) && session.getSubscription() != null) {
			Subscription subscription = retrieveSubscription(session.getSubscription());
			if (subscription.getLatestInvoice() != null) {
				return invoice(subscription.getLatestInvoice());
			}
			return subscription(subscription).map(List::<ProviderReport>of).orElse(List.of());
		}
		if ("payment".equals(session.getMode()) && session.getPaymentIntent() != null
				&& "paid".equals(session.getPaymentStatus())) {
			return oneOff(session.getPaymentIntent());
		}
		return List.of();
	}

	/** A subscription's invoice: the subscription as it stands now, and the payment. */
	private List<ProviderReport> invoice(String invoiceId) throws StripeException {
		Invoice invoice = this.stripe.v1().invoices().retrieve(invoiceId);
		String subscriptionId = (invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null)
				? invoice.getParent().getSubscriptionDetails().getSubscription() : null;
		if (subscriptionId == null) {
			return List.of();
		}
		Instant now = this.clock.instant();
		Optional<PaymentState> payment = invoicePayment(invoice, now);
		List<ProviderReport> reports = new ArrayList<>();
		subscription(retrieveSubscription(subscriptionId)).ifPresent(reports::add);
		payment.ifPresent((state) -> reports
			.add(new PaymentReported(Provider.STRIPE, invoice.getId(), subscriptionId, state.amount(), state.status(),
					state.refundedMinor(), state.failureReason(), state.occurredAt(), now)));
		return reports;
	}

	private Optional<PaymentState> invoicePayment(Invoice invoice, Instant now) throws StripeException {
		if (invoice.getAmountDue() == null || invoice.getAmountDue() <= 0) {
			// a free invoice (a trial, a 100% coupon) moves no money: there is no payment
			return Optional.empty();
		}
		Money amount = money(invoice.getAmountDue(), invoice.getCurrency());
		if ("paid".equals(invoice.getStatus())) {
			Optional<String> paymentIntent = this.stripe.v1()
				.invoicePayments()
				.list(InvoicePaymentListParams.builder().setInvoice(invoice.getId()).build())
				.getData()
				.stream()
				.filter((payment) -> "paid".equals(payment.getStatus()) && payment.getPayment() != null
						&& payment.getPayment().getPaymentIntent() != null)
				.map((payment) -> payment.getPayment().getPaymentIntent())
				.findFirst();
			if (paymentIntent.isEmpty()) {
				return Optional.of(new PaymentState(money(invoice.getAmountPaid(), invoice.getCurrency()),
						PaymentStatus.SUCCEEDED, 0, null, instant(invoice.getCreated())));
			}
			PaymentIntent intent = this.stripe.v1().paymentIntents().retrieve(paymentIntent.get());
			return Optional.of(chargeState(intent));
		}
		if ("open".equals(invoice.getStatus()) && invoice.getAttemptCount() != null && invoice.getAttemptCount() > 0) {
			return Optional.of(new PaymentState(amount, PaymentStatus.FAILED, 0, "The payment failed.", now));
		}
		return Optional.empty();
	}

	/** A refunded or disputed charge: whichever pledge it paid for, as it stands now. */
	private List<ProviderReport> charge(String chargeId) throws StripeException {
		Charge charge = this.stripe.v1().charges().retrieve(chargeId);
		if (charge.getPaymentIntent() == null) {
			return List.of();
		}
		List<InvoicePayment> invoicePayments = this.stripe.v1()
			.invoicePayments()
			.list(InvoicePaymentListParams.builder()
				.setPayment(InvoicePaymentListParams.Payment.builder()
					.setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
					.setPaymentIntent(charge.getPaymentIntent())
					.build())
				.build())
			.getData();
		if (!invoicePayments.isEmpty()) {
			return invoice(invoicePayments.get(0).getInvoice());
		}
		return oneOff(charge.getPaymentIntent());
	}

	/** A one-off contribution: the payment intent is both the pledge and its payment. */
	private List<ProviderReport> oneOff(String paymentIntentId) throws StripeException {
		PaymentIntent intent = this.stripe.v1().paymentIntents().retrieve(paymentIntentId);
		if (!"succeeded".equals(intent.getStatus()) || intent.getCustomer() == null) {
			return List.of();
		}
		String email = this.customers.emailOf(intent.getCustomer());
		Instant now = this.clock.instant();
		PaymentState payment = chargeState(intent);
		PledgeReported pledge = new PledgeReported(Provider.STRIPE, intent.getId(), checkoutId(intent.getMetadata()),
				email, null, null, payment.amount(), null, State.PAID, null, false, null, payment.occurredAt(), now);
		return List.of(pledge, new PaymentReported(Provider.STRIPE, intent.getId(), intent.getId(), payment.amount(),
				payment.status(), payment.refundedMinor(), null, payment.occurredAt(), now));
	}

	/** What became of the money a payment intent took: refunds and disputes included. */
	private PaymentState chargeState(PaymentIntent intent) throws StripeException {
		Money amount = money(intent.getAmount(), intent.getCurrency());
		if (intent.getLatestCharge() == null) {
			return new PaymentState(amount, PaymentStatus.SUCCEEDED, 0, null, instant(intent.getCreated()));
		}
		Charge charge = this.stripe.v1().charges().retrieve(intent.getLatestCharge());
		long refunded = (charge.getAmountRefunded() != null) ? charge.getAmountRefunded() : 0;
		Instant occurredAt = instant(charge.getCreated());
		PaymentStatus status = PaymentStatus.SUCCEEDED;
		if (Boolean.TRUE.equals(charge.getDisputed())) {
			List<Dispute> disputes = this.stripe.v1()
				.disputes()
				.list(DisputeListParams.builder().setCharge(charge.getId()).build())
				.getData();
			String disputeStatus = disputes.isEmpty() ? "needs_response" : disputes.get(0).getStatus();
			if ("lost".equals(disputeStatus)) {
				return new PaymentState(amount, PaymentStatus.DISPUTE_LOST, Math.min(refunded, amount.minor()), null,
						occurredAt);
			}
			if (!"won".equals(disputeStatus) && !"warning_closed".equals(disputeStatus)) {
				status = PaymentStatus.DISPUTED;
			}
		}
		if (Boolean.TRUE.equals(charge.getRefunded()) || refunded >= amount.minor()) {
			status = PaymentStatus.REFUNDED;
		}
		else if (refunded > 0 && status == PaymentStatus.SUCCEEDED) {
			status = PaymentStatus.PARTIALLY_REFUNDED;
		}
		else if ("failed".equals(charge.getStatus())) {
			status = PaymentStatus.FAILED;
		}
		return new PaymentState(amount, status, Math.min(refunded, amount.minor()),
				(status == PaymentStatus.FAILED) ? "The payment failed." : null, occurredAt);
	}

	Subscription retrieveSubscription(String id) throws StripeException {
		return this.stripe.v1().subscriptions().retrieve(id);
	}

	/**
	 * The subscription as a pledge, and remembered as applied; empty while it was never
	 * paid.
	 */
	Optional<ProviderReport> subscription(Subscription subscription) throws StripeException {
		StripeSubscriptionStatus status = StripeSubscriptionStatus.of(subscription.getStatus());
		State state = (status != null) ? status.state() : null;
		if (state == null || subscription.getItems() == null || subscription.getItems().getData().isEmpty()) {
			return Optional.empty();
		}
		String email = this.customers.emailOf(subscription.getCustomer());
		SubscriptionItem item = subscription.getItems().getData().get(0);
		Price price = item.getPrice();
		long quantity = (item.getQuantity() != null) ? item.getQuantity() : 1;
		Map<String, String> metadata = (subscription.getMetadata() != null) ? subscription.getMetadata() : Map.of();
		String tier = metadata.getOrDefault("tier",
				(price.getMetadata() != null) ? price.getMetadata().get("tier") : null);
		Instant periodEnd = instant(item.getCurrentPeriodEnd());
		boolean cancelAtPeriodEnd = Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd())
				|| subscription.getCancelAt() != null;
		Instant now = this.clock.instant();
		remember(subscription, now);
		// a failed renewal has already moved Stripe's period on: the reader paid up to
		// its start, and grace counts from there
		Instant paidThrough = (state == State.PAST_DUE) ? instant(item.getCurrentPeriodStart()) : periodEnd;
		return Optional.of(new PledgeReported(Provider.STRIPE, subscription.getId(), checkoutId(metadata), email, null,
				(tier != null && !tier.isEmpty()) ? tier : null,
				money(price.getUnitAmount() * quantity, price.getCurrency()),
				BillingInterval.fromCode(price.getRecurring().getInterval()), state, paidThrough, cancelAtPeriodEnd,
				(state == State.ENDED) ? cancellationReason(subscription) : null, instant(subscription.getCreated()),
				now, (state == State.PAST_DUE) ? nextRetry(subscription) : null, cancelReason(metadata),
				nonEmpty(metadata.get(StripePledgeChanges.CANCEL_COMMENT))));
	}

	/**
	 * When Stripe retries the past-due subscription's open invoice next; {@code null}
	 * when it has given up (or the invoice is no longer open).
	 */
	private Instant nextRetry(Subscription subscription) throws StripeException {
		if (subscription.getLatestInvoice() == null) {
			return null;
		}
		Invoice invoice = this.stripe.v1().invoices().retrieve(subscription.getLatestInvoice());
		return "open".equals(invoice.getStatus()) ? instant(invoice.getNextPaymentAttempt()) : null;
	}

	static boolean isCanceled(Subscription subscription) {
		return StripeSubscriptionStatus.of(subscription.getStatus()) == StripeSubscriptionStatus.CANCELED;
	}

	/** Remembers the subscription as applied, for reconciliation to compare with. */
	void remember(Subscription subscription, Instant at) {
		SubscriptionItem item = subscription.getItems().getData().get(0);
		boolean cancelAtPeriodEnd = Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd())
				|| subscription.getCancelAt() != null;
		this.repository.recordApplied(new AppliedSubscription(subscription.getId(), subscription.getStatus(),
				instant(item.getCurrentPeriodEnd()), cancelAtPeriodEnd), at);
	}

	/**
	 * Why Stripe canceled a subscription: it gave up retrying a failed renewal, a
	 * dispute, or the reader (or staff) canceled it. The ledger's own reason for a cancel
	 * it asked for travels in the comment.
	 */
	private static EndedReason cancellationReason(Subscription subscription) {
		Subscription.CancellationDetails details = subscription.getCancellationDetails();
		if (details == null) {
			return EndedReason.CANCELED;
		}
		for (EndedReason reason : EndedReason.values()) {
			if (reason.code().equals(details.getComment())) {
				return reason;
			}
		}
		return switch (String.valueOf(details.getReason())) {
			case "payment_failed" -> EndedReason.PAYMENT_FAILED;
			case "payment_disputed" -> EndedReason.DISPUTE_LOST;
			default -> EndedReason.CANCELED;
		};
	}

	/** The reason the reader gave this service's cancel form, kept in the metadata. */
	private static CancelReason cancelReason(Map<String, String> metadata) {
		String code = metadata.get(StripePledgeChanges.CANCEL_REASON);
		for (CancelReason reason : CancelReason.values()) {
			if (reason.code().equals(code)) {
				return reason;
			}
		}
		return null;
	}

	private static String nonEmpty(String text) {
		return (text != null && !text.isBlank()) ? text : null;
	}

	private static UUID checkoutId(Map<String, String> metadata) {
		String id = (metadata != null) ? metadata.get("checkout_id") : null;
		try {
			return (id != null) ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Money money(Long minor, String currency) {
		return Money.of(minor, currency.toUpperCase(Locale.ROOT));
	}

	private static Instant instant(Long epochSecond) {
		return (epochSecond != null) ? Instant.ofEpochSecond(epochSecond) : null;
	}

	/** What became of one payment. */
	private record PaymentState(Money amount, PaymentStatus status, long refundedMinor, String failureReason,
			Instant occurredAt) {
	}

}
