package org.supporters.payment.stripe;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.Reader;
import org.supporters.Scrape;
import org.supporters.membership.MembershipService;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.stripe.FakeStripe.Paid;
import org.supporters.payment.stripe.FakeStripe.Request;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader pledges, pays on Stripe Checkout and comes back a member; what the service
 * asks of Stripe on the way.
 */
class StripeCheckoutTests extends StripeIntegrationTest {

	@Autowired
	PaymentProvider provider;

	@Autowired
	MembershipService memberships;

	@Test
	void monthlyTierPledgeOpensCheckoutInSubscriptionModeWithTheTiersPriceAndOurCheckoutId() {
		Reader reader = new Reader(this.port);
		String email = email();

		HttpResponse<String> toCheckout = reader.pledge(form("monthly", "tier:supporter", email));

		assertThat(toCheckout.statusCode()).isEqualTo(302);
		assertThat(Reader.location(toCheckout)).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
		Request session = lastSessionFor(email);
		String checkoutId = this.jdbc.queryForObject("select id::text from checkout where email = ?", String.class,
				email);
		assertThat(session.params()).containsEntry("mode", "subscription")
			.containsEntry("client_reference_id", checkoutId)
			.containsEntry("metadata[checkout_id]", checkoutId)
			.containsEntry("subscription_data[metadata][checkout_id]", checkoutId)
			.containsEntry("subscription_data[metadata][tier]", "supporter")
			.containsEntry("line_items[0][quantity]", "1")
			.containsEntry("success_url", url("/support/thanks/" + checkoutId) + "?session_id={CHECKOUT_SESSION_ID}")
			.containsEntry("cancel_url", url("/support?checkout=" + checkoutId));
		assertThat(session.idempotencyKey()).isEqualTo("supporters-checkout-" + checkoutId);
		String price = session.params().get("line_items[0][price]");
		assertThat(stripe.object(price).get("lookup_key").getAsString())
			.isEqualTo("supporters-supporter-month-eur-1000");
		Request customer = stripe.requests("POST", "/v1/customers")
			.stream()
			.filter((request) -> email.equals(request.params().get("email")))
			.findFirst()
			.orElseThrow();
		assertThat(session.params()).containsEntry("customer", this.jdbc
			.queryForObject("select customer_id from stripe_customer where email = ?", String.class, email));
		assertThat(customer.idempotencyKey()).startsWith("supporters-customer-").doesNotContain(email);
	}

	@Test
	void tierPricesAreCreatedOnceFoundByLookupKeyAndCustomersAreReused() {
		Reader reader = new Reader(this.port);
		String email = email();
		String lookupKey = "supporters-patron-year-eur-";

		reader.pledge(form("yearly", "tier:patron", email));
		reader.pledge(form("yearly", "tier:patron", email));
		new Reader(this.port).pledge(form("yearly", "tier:patron", email()));

		List<Request> priceCreations = stripe.requests("POST", "/v1/prices")
			.stream()
			.filter((request) -> request.params().get("lookup_key").startsWith(lookupKey))
			.toList();
		assertThat(priceCreations).hasSize(1);
		assertThat(priceCreations.get(0).params()).containsEntry("recurring[interval]", "year")
			.containsEntry("product", "supporters-tier-patron");
		assertThat(priceCreations.get(0).idempotencyKey())
			.isEqualTo("supporters-price-" + priceCreations.get(0).params().get("lookup_key"));
		assertThat(stripe.requests("GET", "/v1/prices")).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.params()).containsKey("lookup_keys[0]"));
		assertThat(stripe.requests("POST", "/v1/customers")
			.stream()
			.filter((request) -> email.equals(request.params().get("email")))).hasSize(1);
		assertThat(sessionsFor(email)).hasSize(2)
			.extracting((request) -> request.params().get("customer"))
			.containsOnly(this.customers.customerOf(email).orElseThrow());
	}

	@Test
	void ownAmountOneOffUsesPriceDataInPaymentMode() {
		String email = email();

		new Reader(this.port).pledge(form("one-off", "own", email, Map.of("ownAmount", "12.34")));

		Request session = lastSessionFor(email);
		assertThat(session.params()).containsEntry("mode", "payment")
			.containsEntry("line_items[0][price_data][unit_amount]", "1234")
			.containsEntry("line_items[0][price_data][currency]", "eur")
			.containsKey("line_items[0][price_data][product_data][name]")
			.containsKey("payment_intent_data[metadata][checkout_id]")
			.doesNotContainKey("line_items[0][price]");
	}

	@Test
	void readerReturningFromPaidCheckoutIsAMemberBeforeTheThankYouPageLoadsAndTheWebhookChangesNothing() {
		Reader reader = new Reader(this.port);
		String email = email();
		reader.pledge(form("monthly", "tier:supporter", email));
		Request session = lastSessionFor(email);
		String sessionId = sessionId(session);
		Paid paid = stripe.complete(sessionId, Instant.now());

		HttpResponse<String> thanks = reader.get(successUrl(session, sessionId));

		assertThat(thanks.statusCode()).isEqualTo(200);
		assertThat(thanks.body()).contains("You are now a supporter");
		assertThat(this.memberships.membershipOfEmail(email).orElseThrow().status().code()).isEqualTo("active");
		assertThat(pledge(paid.subscription())).containsEntry("status", "active").containsEntry("tier", "supporter");

		deliverAndApply(stripe.event("checkout.session.completed", sessionId, Instant.now()));
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), Instant.now()));

		assertThat(count("select count(*) from pledge where provider_ref = ?", paid.subscription())).isEqualTo(1);
		assertThat(count("select count(*) from payment where provider_ref = ?", paid.invoice())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select status from checkout where email = ?", String.class, email))
			.isEqualTo("completed");
	}

	@Test
	void oneOffContributionPaidOnCheckoutMakesAContributor() {
		Reader reader = new Reader(this.port);
		String email = email();
		reader.pledge(form("one-off", "preset:1000", email));
		Request session = lastSessionFor(email);
		String sessionId = sessionId(session);
		Paid paid = stripe.complete(sessionId, Instant.now());

		assertThat(reader.get(successUrl(session, sessionId)).body()).contains("You are now a supporter");

		assertThat(pledge(paid.paymentIntent())).containsEntry("status", "paid").containsEntry("kind", "one_off");
		assertThat(this.memberships.membershipOfEmail(email).orElseThrow().status().code()).isEqualTo("contributor");
	}

	@Test
	void returnWithAnotherCheckoutsSessionIsRefused() {
		Reader reader = new Reader(this.port);
		String email = email();
		reader.pledge(form("monthly", "tier:supporter", email));
		String otherEmail = email();
		new Reader(this.port).pledge(form("monthly", "tier:supporter", otherEmail));
		String othersSession = sessionId(lastSessionFor(otherEmail));
		stripe.complete(othersSession, Instant.now());
		String checkoutId = this.jdbc.queryForObject("select id::text from checkout where email = ?", String.class,
				email);

		HttpResponse<String> forged = reader.get("/support/thanks/" + checkoutId + "?session_id=" + othersSession);

		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(this.memberships.membershipOfEmail(email)).isEmpty();
	}

	@Test
	void returnBeforeStripeConfirmsPaymentSaysItIsBeingConfirmed() {
		Reader reader = new Reader(this.port);
		String email = email();
		reader.pledge(form("monthly", "tier:supporter", email));
		Request session = lastSessionFor(email);

		HttpResponse<String> thanks = reader.get(successUrl(session, sessionId(session)));

		assertThat(thanks.statusCode()).isEqualTo(200);
		assertThat(thanks.body()).contains("We are confirming your payment");
	}

	@Test
	void manageLinkOpensACustomerPortalSessionThatReturnsToTheAccountPage() {
		Customer reader = customer();

		URI manage = this.provider.manageUrl(reader.email()).orElseThrow();

		assertThat(manage.toString()).startsWith("https://billing.stripe.com/p/session/");
		Request portal = stripe.requests("POST", "/v1/billing_portal/sessions")
			.get(stripe.requests("POST", "/v1/billing_portal/sessions").size() - 1);
		assertThat(portal.params()).containsEntry("customer", reader.id()).containsEntry("return_url", url("/account"));
		assertThat(portal.idempotencyKey()).startsWith("supporters-portal-" + reader.id());
		assertThat(this.provider.manageUrl(email())).isEmpty();
	}

	private List<Request> sessionsFor(String email) {
		String customer = this.customers.customerOf(email).orElseThrow();
		return stripe.requests("POST", "/v1/checkout/sessions")
			.stream()
			.filter((request) -> customer.equals(request.params().get("customer")))
			.toList();
	}

	@Test
	void stripeFailingToStartACheckoutKeepsTheFormAndTheSameFormSentAgainGoesThrough() {
		Reader reader = new Reader(this.port);
		String email = email();
		stripe.failNext("/v1/checkout/sessions", 1, 500);

		HttpResponse<String> failed = reader.pledge(form("monthly", "tier:supporter", email));

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).contains("We could not reach our payment provider, and nothing was charged")
			.contains("value=\"" + email + "\"");
		HttpResponse<String> again = reader.post("/support", failed.body(),
				form("monthly", "tier:supporter", email, Map.of("attempt", Reader.attemptToken(failed.body()))));
		assertThat(Reader.location(again)).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
		assertThat(this.jdbc.queryForObject("select count(*) from checkout where email = ?", Long.class, email))
			.as("the same checkout")
			.isEqualTo(1);
	}

	@Test
	void aCheckoutStripeCannotStartIsCountedAsFailedWithTheProviderUnavailable() {
		String[] labels = { "provider=\"stripe\"", "kind=\"one_off\"", "reason=\"provider_unavailable\"" };
		double before = Scrape.of(this.port).value("supporters_checkouts_failed_total", labels);
		double startedBefore = Scrape.of(this.port)
			.value("supporters_checkouts_started_total", "provider=\"stripe\"", "kind=\"one_off\"");
		stripe.failNext("/v1/checkout/sessions", 1, 500);

		assertThat(new Reader(this.port).pledge(form("one-off", "preset:1000", email())).statusCode()).isEqualTo(503);

		Scrape after = Scrape.of(this.port);
		assertThat(after.value("supporters_checkouts_failed_total", labels)).isEqualTo(before + 1);
		assertThat(after.value("supporters_checkouts_started_total", "provider=\"stripe\"", "kind=\"one_off\""))
			.as("no checkout page was shown")
			.isEqualTo(startedBefore);
	}

	@Test
	void noDatabaseLockIsHeldWhileStripeIsSlowToAnswer() throws Exception {
		Reader reader = new Reader(this.port);
		String email = email();
		stripe.stallNext("/v1/checkout/sessions", 1, Duration.ofMillis(1500));

		CompletableFuture<HttpResponse<String>> pledged = CompletableFuture
			.supplyAsync(() -> reader.pledge(form("monthly", "tier:supporter", email)));
		long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (stripe.requests("POST", "/v1/checkout/sessions")
			.stream()
			.noneMatch(
					(request) -> request.params().getOrDefault("client_reference_id", "").equals(checkoutId(email)))) {
			assertThat(System.nanoTime() - giveUpAt).as("Stripe asked for the session").isNegative();
			Thread.sleep(20);
		}

		assertThat(this.jdbc.queryForList("select id from checkout where email = ? for update nowait", email))
			.as("the checkout row is not locked while Stripe answers")
			.hasSize(1);
		assertThat(pledged.get(10, TimeUnit.SECONDS).statusCode()).as("the stalled call failed").isEqualTo(503);
	}

	private String checkoutId(String email) {
		return this.jdbc.queryForList("select id::text from checkout where email = ?", String.class, email)
			.stream()
			.findFirst()
			.orElse("none yet");
	}

	private Request lastSessionFor(String email) {
		List<Request> sessions = sessionsFor(email);
		assertThat(sessions).isNotEmpty();
		return sessions.get(sessions.size() - 1);
	}

	private String sessionId(Request session) {
		String reference = session.params().get("client_reference_id");
		return this.jdbc.queryForObject("select provider_session from checkout where id = ?::uuid", String.class,
				reference);
	}

	private static String successUrl(Request session, String sessionId) {
		return session.params().get("success_url").replace("{CHECKOUT_SESSION_ID}", sessionId);
	}

	private static String email() {
		return "checkout-" + UUID.randomUUID() + "@example.org";
	}

	private static Map<String, String> form(String frequency, String option, String email) {
		return form(frequency, option, email, Map.of());
	}

	private static Map<String, String> form(String frequency, String option, String email, Map<String, String> more) {
		Map<String, String> form = new HashMap<>(Map.of("frequency", frequency, "option", option, "email", email));
		form.putAll(more);
		return form;
	}

}
