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
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeListParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.SubscriptionCancelParams;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.payment.PaymentReported;
import org.supporters.payment.PledgeReported;
import org.supporters.payment.ProviderReport;
import org.supporters.payment.ReceivedEvent;
import org.supporters.payment.stripe.StripeRepository.AppliedSubscription;

/**
 * Reads Stripe events into what they mean now. An event's own copy of an object may be
 * stale by the time it is applied (events arrive late and out of order), so every event
 * only names the object to re-fetch; reports carry Stripe's current state, observed now.
 * A pledge is a subscription (recurring) or a payment intent (one-off); a subscription's
 * payment is its invoice.
 */
@Component
@Conditional(StripeMode.class)
class StripeReports {

	private static final String REFUNDED = "refunded";

	private static final String DISPUTE_LOST = "dispute_lost";

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
		Subscription subscription = retrieveSubscription(subscriptionId);
		if (payment.isPresent() && payment.get().endsPledge()) {
			subscription = end(subscription, payment.get().status());
		}
		List<ProviderReport> reports = new ArrayList<>();
		subscription(subscription).ifPresent(reports::add);
		payment.ifPresent((state) -> reports
			.add(new PaymentReported(StripePaymentProvider.PROVIDER, invoice.getId(), subscriptionId, state.amount(),
					state.status(), state.refundedMinor(), state.failureReason(), state.occurredAt(), now)));
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
				return Optional.of(new PaymentState(money(invoice.getAmountPaid(), invoice.getCurrency()), "succeeded",
						0, null, instant(invoice.getCreated())));
			}
			PaymentIntent intent = this.stripe.v1().paymentIntents().retrieve(paymentIntent.get());
			return Optional.of(chargeState(intent));
		}
		if ("open".equals(invoice.getStatus()) && invoice.getAttemptCount() != null && invoice.getAttemptCount() > 0) {
			return Optional.of(new PaymentState(amount, "failed", 0, "The payment failed.", now));
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
		boolean ended = payment.endsPledge();
		PledgeReported pledge = new PledgeReported(StripePaymentProvider.PROVIDER, intent.getId(),
				checkoutId(intent.getMetadata()), email, null, null, payment.amount(), null, ended ? REFUNDED : "paid",
				null, false, ended ? payment.status() : null, now);
		return List.of(pledge, new PaymentReported(StripePaymentProvider.PROVIDER, intent.getId(), intent.getId(),
				payment.amount(), payment.status(), payment.refundedMinor(), null, payment.occurredAt(), now));
	}

	/** What became of the money a payment intent took: refunds and disputes included. */
	private PaymentState chargeState(PaymentIntent intent) throws StripeException {
		Money amount = money(intent.getAmount(), intent.getCurrency());
		if (intent.getLatestCharge() == null) {
			return new PaymentState(amount, "succeeded", 0, null, instant(intent.getCreated()));
		}
		Charge charge = this.stripe.v1().charges().retrieve(intent.getLatestCharge());
		long refunded = (charge.getAmountRefunded() != null) ? charge.getAmountRefunded() : 0;
		Instant occurredAt = instant(charge.getCreated());
		String status = "succeeded";
		if (Boolean.TRUE.equals(charge.getDisputed())) {
			List<Dispute> disputes = this.stripe.v1()
				.disputes()
				.list(DisputeListParams.builder().setCharge(charge.getId()).build())
				.getData();
			String disputeStatus = disputes.isEmpty() ? "needs_response" : disputes.get(0).getStatus();
			if ("lost".equals(disputeStatus)) {
				return new PaymentState(amount, DISPUTE_LOST, Math.min(refunded, amount.minor()), null, occurredAt);
			}
			if (!"won".equals(disputeStatus) && !"warning_closed".equals(disputeStatus)) {
				status = "disputed";
			}
		}
		if (Boolean.TRUE.equals(charge.getRefunded()) || refunded >= amount.minor()) {
			status = REFUNDED;
		}
		else if (refunded > 0 && "succeeded".equals(status)) {
			status = "partially_refunded";
		}
		else if ("failed".equals(charge.getStatus())) {
			status = "failed";
		}
		return new PaymentState(amount, status, Math.min(refunded, amount.minor()),
				"failed".equals(status) ? "The payment failed." : null, occurredAt);
	}

	/**
	 * Ends a subscription whose payment was taken back, saying why; Stripe would go on
	 * charging otherwise.
	 */
	private Subscription end(Subscription subscription, String reason) throws StripeException {
		if ("canceled".equals(subscription.getStatus())) {
			return subscription;
		}
		return this.stripe.v1()
			.subscriptions()
			.cancel(subscription.getId(),
					SubscriptionCancelParams.builder()
						.setProrate(false)
						.setCancellationDetails(
								SubscriptionCancelParams.CancellationDetails.builder().setComment(reason).build())
						.build(),
					RequestOptions.builder()
						.setIdempotencyKey("supporters-end-" + subscription.getId() + "-" + reason)
						.build());
	}

	Subscription retrieveSubscription(String id) throws StripeException {
		return this.stripe.v1().subscriptions().retrieve(id);
	}

	/**
	 * The subscription as a pledge, and remembered as applied; empty while it was never
	 * paid.
	 */
	Optional<ProviderReport> subscription(Subscription subscription) throws StripeException {
		String status = switch (subscription.getStatus()) {
			case "active", "trialing" -> "active";
			case "past_due", "unpaid" -> "past_due";
			case "canceled" -> "canceled";
			default -> null;
		};
		if (status == null || subscription.getItems() == null || subscription.getItems().getData().isEmpty()) {
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
		this.repository.recordApplied(
				new AppliedSubscription(subscription.getId(), subscription.getStatus(), periodEnd, cancelAtPeriodEnd),
				now);
		// a failed renewal has already moved Stripe's period on: the reader paid up to
		// its start, and grace counts from there
		Instant paidThrough = "past_due".equals(status) ? instant(item.getCurrentPeriodStart()) : periodEnd;
		return Optional.of(new PledgeReported(StripePaymentProvider.PROVIDER, subscription.getId(),
				checkoutId(metadata), email, null, tier, money(price.getUnitAmount() * quantity, price.getCurrency()),
				BillingInterval.fromCode(price.getRecurring().getInterval()), status, paidThrough, cancelAtPeriodEnd,
				"canceled".equals(status) ? endedReason(subscription) : null, now));
	}

	/**
	 * Why a canceled subscription ended: money taken back (a refund or a lost dispute of
	 * its latest payment) ends it at once, even when the reader had canceled it before.
	 */
	private String endedReason(Subscription subscription) throws StripeException {
		String reason = cancellationReason(subscription);
		if (!"canceled".equals(reason) || subscription.getLatestInvoice() == null) {
			return reason;
		}
		Invoice latest = this.stripe.v1().invoices().retrieve(subscription.getLatestInvoice());
		return invoicePayment(latest, this.clock.instant()).filter(PaymentState::endsPledge)
			.map(PaymentState::status)
			.orElse(reason);
	}

	private static String cancellationReason(Subscription subscription) {
		Subscription.CancellationDetails details = subscription.getCancellationDetails();
		if (details == null) {
			return "canceled";
		}
		if (REFUNDED.equals(details.getComment()) || DISPUTE_LOST.equals(details.getComment())) {
			return details.getComment();
		}
		return switch (String.valueOf(details.getReason())) {
			case "payment_failed" -> "payment_failed";
			case "payment_disputed" -> DISPUTE_LOST;
			default -> "canceled";
		};
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
	private record PaymentState(Money amount, String status, long refundedMinor, String failureReason,
			Instant occurredAt) {

		boolean endsPledge() {
			return REFUNDED.equals(this.status) || DISPUTE_LOST.equals(this.status);
		}

	}

}
