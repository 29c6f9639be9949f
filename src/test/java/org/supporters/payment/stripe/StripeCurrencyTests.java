package org.supporters.payment.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.supporters.Reader;
import org.supporters.payment.stripe.FakeStripe.Paid;
import org.supporters.payment.stripe.FakeStripe.Request;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader pays on Stripe in a second currency: Prices per currency by lookup key, and
 * the pledge and payment in that currency.
 */
class StripeCurrencyTests extends StripeIntegrationTest {

	@BeforeEach
	void offerPounds() {
		this.jdbc.update("""
				insert into catalog_currency (currency, offered) values ('GBP', true)
				on conflict (currency) do update set offered = true""");
	}

	@AfterEach
	void offerOnlyTheDefaultAgain() {
		this.jdbc.update("update catalog_currency set offered = false");
	}

	@Test
	void aTierInPoundsIsAPriceOfItsOwnFoundByALookupKeyNamingTheCurrency() {
		String email = email();
		Reader reader = new Reader(this.port).withHeader("CF-IPCountry", "GB");

		String euroReader = email();
		reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email));
		new Reader(this.port).pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", euroReader));

		Request session = lastSessionFor(email);
		String price = session.params().get("line_items[0][price]");
		assertThat(stripe.object(price).get("lookup_key").getAsString())
			.isEqualTo("supporters-supporter-month-gbp-1000");
		assertThat(stripe.object(price).get("currency").getAsString()).isEqualTo("gbp");
		String euroPrice = lastSessionFor(euroReader).params().get("line_items[0][price]");
		assertThat(stripe.object(euroPrice).get("lookup_key").getAsString())
			.isEqualTo("supporters-supporter-month-eur-1000");

		String sessionId = sessionId(session);
		Paid paid = stripe.complete(sessionId, Instant.now());
		assertThat(reader.get(successUrl(session, sessionId)).body()).contains("You are now a supporter", "£10.00");
		assertThat(this.jdbc.queryForMap("select currency, amount_minor from pledge where provider_ref = ?",
				paid.subscription()))
			.containsEntry("currency", "GBP")
			.containsEntry("amount_minor", 1000L);
		assertThat(this.jdbc.queryForObject("select currency from payment where provider_ref = ?", String.class,
				paid.invoice()))
			.isEqualTo("GBP");
	}

	@Test
	void aOneOffInPoundsIsChargedInPounds() {
		String email = email();
		Reader reader = new Reader(this.port).withHeader("CF-IPCountry", "GB");

		reader.pledge(Map.of("frequency", "one-off", "option", "own", "ownAmount", "12.34", "email", email));

		Request session = lastSessionFor(email);
		assertThat(session.params()).containsEntry("line_items[0][price_data][unit_amount]", "1234")
			.containsEntry("line_items[0][price_data][currency]", "gbp");
		String sessionId = sessionId(session);
		Paid paid = stripe.complete(sessionId, Instant.now());
		reader.get(successUrl(session, sessionId));
		assertThat(this.jdbc.queryForMap("select currency, amount_minor from pledge where provider_ref = ?",
				paid.paymentIntent()))
			.containsEntry("currency", "GBP")
			.containsEntry("amount_minor", 1234L);
	}

	private Request lastSessionFor(String email) {
		String checkout = this.jdbc.queryForObject("select id::text from checkout where email = ?", String.class,
				email);
		List<Request> sessions = stripe.requests("POST", "/v1/checkout/sessions")
			.stream()
			.filter((request) -> checkout.equals(request.params().get("client_reference_id")))
			.toList();
		assertThat(sessions).isNotEmpty();
		return sessions.get(sessions.size() - 1);
	}

	private String sessionId(Request session) {
		return this.jdbc.queryForObject("select provider_session from checkout where id = ?::uuid", String.class,
				session.params().get("client_reference_id"));
	}

	private static String successUrl(Request session, String sessionId) {
		return session.params().get("success_url").replace("{CHECKOUT_SESSION_ID}", sessionId);
	}

	private static String email() {
		return "currency-" + UUID.randomUUID() + "@example.org";
	}

}
