package org.supporters.payment.stripe;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.payment.ChangePreview;
import org.supporters.payment.CheckoutRequest;
import org.supporters.payment.CheckoutSession;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.PledgeTerms;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.supporter.ProviderReport;
import org.supporters.payment.ReceivedEvent;
import org.supporters.payment.ReturnConfirmation;
import org.supporters.platform.SupportersProperties;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.Provider;

/**
 * Stripe as the provider: readers pay on Stripe Checkout, manage their pledges in the
 * Customer Portal, and Stripe's webhooks come in through the inbox.
 */
@Component
@Conditional(StripeMode.class)
class StripePaymentProvider implements PaymentProvider {

	static final String PROVIDER = Provider.STRIPE.code();

	private final StripeClient stripe;

	private final StripeCustomers customers;

	private final StripePrices prices;

	private final StripeReports reports;

	private final ProviderEventInbox inbox;

	private final SupportersProperties properties;

	private final StripePledgeChanges changes;

	private final Clock clock;

	StripePaymentProvider(StripeClient stripe, StripeCustomers customers, StripePrices prices, StripeReports reports,
			ProviderEventInbox inbox, SupportersProperties properties, StripePledgeChanges changes, Clock clock) {
		this.changes = changes;
		this.stripe = stripe;
		this.customers = customers;
		this.prices = prices;
		this.reports = reports;
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return PROVIDER;
	}

	@Override
	public CheckoutSession startCheckout(CheckoutRequest request) {
		String customer = this.customers.customerFor(request.email(), request.name());
		String checkoutId = request.checkoutId().toString();
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setCustomer(customer)
			.addLineItem(lineItem(request))
			// Stripe puts the session id into the return address, so the thank-you page
			// can ask for it
			.setSuccessUrl(request.successUrl() + "?session_id={CHECKOUT_SESSION_ID}")
			.setCancelUrl(request.cancelUrl().toString())
			.setClientReferenceId(checkoutId)
			.putMetadata("checkout_id", checkoutId);
		if (request.interval() != null) {
			SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
				.putMetadata("checkout_id", checkoutId);
			if (request.tierSlug() != null) {
				subscription.putMetadata("tier", request.tierSlug());
			}
			params.setMode(SessionCreateParams.Mode.SUBSCRIPTION).setSubscriptionData(subscription.build());
		}
		else {
			params.setMode(SessionCreateParams.Mode.PAYMENT)
				.setPaymentIntentData(
						SessionCreateParams.PaymentIntentData.builder().putMetadata("checkout_id", checkoutId).build());
		}
		try {
			Session session = this.stripe.v1()
				.checkout()
				.sessions()
				.create(params.build(),
						RequestOptions.builder().setIdempotencyKey("supporters-checkout-" + checkoutId).build());
			return new CheckoutSession(session.getId(), URI.create(session.getUrl()));
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Creating a checkout session", ex);
		}
	}

	private LineItem lineItem(CheckoutRequest request) {
		if (request.tierSlug() != null && request.interval() != null) {
			return LineItem.builder()
				.setPrice(this.prices.priceFor(request.tierSlug(), request.amount(), request.interval()))
				.setQuantity(1L)
				.build();
		}
		PriceData.Builder price = PriceData.builder()
			.setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.setUnitAmount(request.amount().minor())
			.setProductData(PriceData.ProductData.builder().setName(request.description()).build());
		if (request.interval() != null) {
			price.setRecurring(PriceData.Recurring.builder()
				.setInterval((request.interval() == BillingInterval.YEAR) ? PriceData.Recurring.Interval.YEAR
						: PriceData.Recurring.Interval.MONTH)
				.build());
		}
		return LineItem.builder().setPriceData(price.build()).setQuantity(1L).build();
	}

	@Override
	public ReturnConfirmation confirmReturn(UUID checkoutId, Map<String, String> parameters) {
		String sessionId = parameters.getOrDefault("session_id", "");
		if (!sessionId.matches("cs_[A-Za-z0-9_]{1,250}")) {
			return ReturnConfirmation.INVALID;
		}
		Session session;
		try {
			session = this.stripe.v1().checkout().sessions().retrieve(sessionId);
		}
		catch (StripeException ex) {
			return (ex.getStatusCode() != null && ex.getStatusCode() == 404) ? ReturnConfirmation.INVALID
					: ReturnConfirmation.PENDING;
		}
		if (!checkoutId.toString().equals(session.getClientReferenceId())) {
			return ReturnConfirmation.INVALID;
		}
		boolean paid = "complete".equals(session.getStatus()) && ("paid".equals(session.getPaymentStatus())
				|| "no_payment_required".equals(session.getPaymentStatus()));
		if (!paid) {
			return ReturnConfirmation.PENDING;
		}
		// the same way in as the webhook: applying the session twice changes nothing
		String eventId = "return_" + sessionId;
		this.inbox.receive(PROVIDER, eventId, "checkout.session.completed", StripeReports.syntheticEvent(eventId,
				"checkout.session.completed", "checkout.session", sessionId, this.clock.instant()));
		this.inbox.applyNow(PROVIDER, eventId);
		return ReturnConfirmation.PAID;
	}

	@Override
	public List<ProviderReport> read(ReceivedEvent event) {
		return this.reports.read(event);
	}

	/**
	 * A Customer Portal session for the reader's Stripe customer, coming back to the
	 * account page.
	 */
	@Override
	public Optional<URI> manageUrl(String email) {
		Optional<String> customer = this.customers.customerOf(email);
		if (customer.isEmpty()) {
			return Optional.empty();
		}
		// one portal session per minute for a double click; a later visit gets a fresh
		// one
		long minute = this.clock.instant().getEpochSecond() / 60;
		try {
			com.stripe.model.billingportal.Session portal = this.stripe.v1()
				.billingPortal()
				.sessions()
				.create(com.stripe.param.billingportal.SessionCreateParams.builder()
					.setCustomer(customer.get())
					.setReturnUrl(this.properties.publicUri() + "/account")
					.build(),
						RequestOptions.builder()
							.setIdempotencyKey("supporters-portal-" + customer.get() + "-" + minute)
							.build());
			return Optional.of(URI.create(portal.getUrl()));
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Opening the customer portal", ex);
		}
	}

	@Override
	public ChangePreview previewChange(String email, String reference, PledgeTerms terms) {
		return this.changes.preview(email, reference, terms);
	}

	@Override
	public void changePledge(String email, String reference, PledgeTerms terms, String idempotencyKey) {
		this.changes.change(email, reference, terms, idempotencyKey);
	}

	@Override
	public void cancelPledge(String email, String reference, CancelReason reason, String comment,
			String idempotencyKey) {
		this.changes.cancel(email, reference, reason, comment, idempotencyKey);
	}

	@Override
	public void resumePledge(String email, String reference, String idempotencyKey) {
		this.changes.resume(email, reference, idempotencyKey);
	}

}
