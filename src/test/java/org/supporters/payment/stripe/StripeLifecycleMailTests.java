package org.supporters.payment.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.membership.Membership;
import org.supporters.membership.MembershipService;
import org.supporters.payment.stripe.FakeStripe.Paid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe delivers its events twice, late and out of order: each mail of a subscription's
 * life is still written once (the outbox has one row per event and kind of mail), and
 * grace follows Stripe's next retry.
 */
class StripeLifecycleMailTests extends StripeIntegrationTest {

	private static final Pattern CARD_LINK = Pattern.compile("http://localhost:\\d+/account/card/[A-Za-z0-9._-]+");

	@Autowired
	MembershipService memberships;

	@Test
	void eventsDeliveredTwiceOrOutOfOrderSendEachMailOnce() throws Exception {
		Customer reader = customer();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Paid paid = stripe.paidSubscription(reader.id(), 1000, "month", Map.of("tier", "supporter"), start);
		String created = stripe.event("customer.subscription.created", paid.subscription(), start);
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), start));
		deliverAndApply(stripe.event("invoice.paid", paid.invoice(), start));
		deliverAndApply(created);
		deliverAndApply(created);
		assertThat(kinds(reader)).containsExactly("welcome");

		// the renewal fails; Stripe retries in 3 days
		String renewal = stripe.paidInvoice(paid.subscription(), reader.id(), 1000, Instant.now());
		stripe.failInvoice(renewal);
		Instant firstRetry = start.plus(Duration.ofDays(3));
		stripe.object(renewal).addProperty("next_payment_attempt", firstRetry.getEpochSecond());
		stripe.object(paid.subscription()).addProperty("status", "past_due");
		stripe.object(paid.subscription()).addProperty("latest_invoice", renewal);
		String failed = stripe.event("invoice.payment_failed", renewal, Instant.now());
		deliverAndApply(stripe.event("customer.subscription.updated", paid.subscription(), Instant.now()));
		deliverAndApply(failed);
		deliverAndApply(failed);
		deliverAndApply(stripe.event("invoice.payment_failed", renewal, Instant.now()));
		assertThat(kinds(reader)).containsExactly("welcome", "payment_failed");

		// a retry fails at once (smart retries): Stripe moves its next retry past the
		// grace days; the reader stays a member until then, and is not mailed again
		// within 3 days
		Instant laterRetry = start.plus(Duration.ofDays(12));
		stripe.object(renewal).addProperty("next_payment_attempt", laterRetry.getEpochSecond());
		deliverAndApply(stripe.event("invoice.payment_failed", renewal, Instant.now()));
		assertThat(kinds(reader)).containsExactly("welcome", "payment_failed");
		Membership grace = this.memberships.membershipOfEmail(reader.email()).orElseThrow();
		assertThat(grace.status().code()).isEqualTo("grace");
		assertThat(grace.validUntil()).isEqualTo(laterRetry.plus(Duration.ofDays(1)));

		// the update-card link opens Stripe's Customer Portal without signing in
		HttpResponse<Void> portal = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(cardLink(reader))).GET().build(),
					HttpResponse.BodyHandlers.discarding());
		assertThat(portal.statusCode()).isEqualTo(303);
		assertThat(portal.headers().firstValue("Location").orElseThrow())
			.startsWith("https://billing.stripe.com/p/session/");
		stripe.failNext("/v1/billing_portal/sessions", 1, 500);
		HttpResponse<String> down = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(cardLink(reader))).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).contains("Our payment provider is not answering", "it still works");

		// the retry with the new card pays the invoice: recovered, told once, and a
		// failure event delivered late changes nothing
		stripe.object(renewal).addProperty("status", "paid");
		stripe.object(renewal).addProperty("amount_paid", 1000);
		stripe.object(renewal).add("next_payment_attempt", null);
		stripe.object(paid.subscription()).addProperty("status", "active");
		String recovered = stripe.event("invoice.paid", renewal, Instant.now());
		deliverAndApply(recovered);
		deliverAndApply(recovered);
		deliverAndApply(stripe.event("invoice.paid", renewal, Instant.now()));
		deliverAndApply(failed);
		assertThat(kinds(reader)).containsExactly("welcome", "payment_failed", "recovered");

		// canceled, then ended; each said twice by Stripe
		stripe.object(paid.subscription()).addProperty("cancel_at_period_end", true);
		deliverAndApply(stripe.event("customer.subscription.updated", paid.subscription(), Instant.now()));
		deliverAndApply(stripe.event("customer.subscription.updated", paid.subscription(), Instant.now()));
		stripe.object(paid.subscription()).addProperty("status", "canceled");
		String deleted = stripe.event("customer.subscription.deleted", paid.subscription(), Instant.now());
		deliverAndApply(deleted);
		deliverAndApply(stripe.event("customer.subscription.deleted", paid.subscription(), Instant.now()));
		deliverAndApply(stripe.event("customer.subscription.updated", paid.subscription(), Instant.now()));

		assertThat(kinds(reader)).containsExactly("welcome", "payment_failed", "recovered", "canceled", "ended");
		assertThat(this.jdbc.queryForList("select subject from mail_outbox where recipient = ? order by id",
				String.class, reader.email()))
			.containsExactly("Thank you for supporting Supporters", "Your payment to Supporters did not go through",
					"Your payment to Supporters went through", "Your support of Supporters is canceled",
					"Your membership of Supporters has ended");
		assertThat(this.jdbc.queryForObject("select html_body from mail_outbox where recipient = ? order by id limit 1",
				String.class, reader.email()))
			.contains("<html", "€10.00");
	}

	private List<String> kinds(Customer reader) {
		return this.jdbc.queryForList("""
				select l.kind from lifecycle_mail l join supporter s on s.id = l.supporter_id
				where s.email = ? order by l.id""", String.class, reader.email());
	}

	private String cardLink(Customer reader) throws IOException {
		String body = this.jdbc.queryForObject(
				"select body from mail_outbox where recipient = ? and subject like '%did not go through' order by id desc limit 1",
				String.class, reader.email());
		Matcher matcher = CARD_LINK.matcher(body);
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

}
