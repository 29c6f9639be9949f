package org.supporters.payment.stripe;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import org.supporters.Reader;
import org.supporters.payment.stripe.FakeStripe.Paid;
import org.supporters.payment.stripe.FakeStripe.Request;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader changes their Stripe subscription on the account page, through the real
 * stripe-java client against the fake Stripe API: the amount due now is Stripe's invoice
 * preview, the change replaces the item's price with Stripe's proration, a cancel keeps
 * the reader's reason at Stripe, and each comes back to the ledger through the inbox.
 */
class StripePledgeChangeTests extends StripeIntegrationTest {

	private static final Pattern PLEDGE_ID = Pattern.compile("data-pledge=\"([0-9a-f-]{36})\"");

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"");

	@Test
	void thePreviewShowsStripesProratedAmountAndTheChangeChargesItWithTheSamePrice() {
		Pledged pledged = pledged();
		String base = "/account/pledges/" + pledged.pledgeId();
		String form = pledged.reader().get(base + "/change").body();
		Map<String, String> fields = Map.of("frequency", "monthly", "option", "own", "ownAmount", "20", "key",
				find(KEY, form));

		String confirm = pledged.reader().post(base + "/change/preview", form, fields).body();

		Request preview = last("POST", "/v1/invoices/create_preview");
		JsonObject item = item(pledged.paid().subscription());
		long prorationDate = Long.parseLong(preview.params().get("subscription_details[proration_date]"));
		long start = item.get("current_period_start").getAsLong();
		long end = item.get("current_period_end").getAsLong();
		long expected = Math
			.round(2000.0 * (end - prorationDate) / (end - start) - 1000.0 * (end - prorationDate) / (end - start));
		assertThat(preview.params()).containsEntry("subscription", pledged.paid().subscription())
			.containsEntry("subscription_details[items][0][id]", item.get("id").getAsString())
			.containsEntry("subscription_details[proration_behavior]", "always_invoice");
		String price = preview.params().get("subscription_details[items][0][price]");
		assertThat(stripe.object(price).get("lookup_key").getAsString())
			.isEqualTo("supporters-own-amount-month-eur-2000");
		assertThat(confirm).contains("You pay <strong>" + money(expected) + "</strong> now",
				"then <strong>€20.00</strong>");

		HttpResponse<String> changed = pledged.reader().post(base + "/change", confirm, fields);

		assertThat(Reader.location(changed)).endsWith("/account");
		Request update = last("POST", "/v1/subscriptions/" + pledged.paid().subscription());
		assertThat(update.params()).containsEntry("items[0][id]", item.get("id").getAsString())
			.containsEntry("items[0][price]", price)
			.containsEntry("proration_behavior", "always_invoice")
			.containsEntry("payment_behavior", "pending_if_incomplete")
			.containsEntry("metadata[tier]", "");
		assertThat(update.idempotencyKey()).isEqualTo("supporters-change-" + fields.get("key"));
		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 2000L)
			.containsEntry("tier", null);
		String invoice = stripe.object(pledged.paid().subscription()).get("latest_invoice").getAsString();
		assertThat(payment(invoice)).containsEntry("status", "succeeded");
		assertThat(stripe.object(invoice).get("amount_due").getAsLong()).isEqualTo(expected);
		assertThat(pledged.reader().get("/account").body()).contains("€20.00 a month").doesNotContain("Changing…");
	}

	@Test
	void switchingToYearlyAtAnotherTierStartsANewPeriodAtStripe() {
		Pledged pledged = pledged();
		String base = "/account/pledges/" + pledged.pledgeId();
		String form = pledged.reader().get(base + "/change").body();
		Map<String, String> fields = Map.of("frequency", "yearly", "option", "tier:patron", "key", find(KEY, form));
		String confirm = pledged.reader().post(base + "/change/preview", form, fields).body();
		assertThat(confirm).contains("then <strong>€250.00</strong> <span>a year</span>",
				"for a new period from today, less what is left of the current one");

		pledged.reader().post(base + "/change", confirm, fields);

		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 25000L)
			.containsEntry("tier", "patron");
		assertThat(this.jdbc.queryForObject("select billing_interval from pledge where provider_ref = ?", String.class,
				pledged.paid().subscription()))
			.isEqualTo("year");
		assertThat(last("POST", "/v1/subscriptions/" + pledged.paid().subscription()).params())
			.containsEntry("metadata[tier]", "patron");
	}

	@Test
	void aCancelKeepsTheReadersReasonAtStripeAndAResumeTakesItBack() {
		Pledged pledged = pledged();
		String base = "/account/pledges/" + pledged.pledgeId();
		String cancelForm = pledged.reader().get(base + "/cancel").body();

		pledged.reader()
			.post(base + "/cancel", cancelForm,
					Map.of("reason", "not_reading", "comment", "No time to read.", "key", find(KEY, cancelForm)));

		assertThat(last("POST", "/v1/subscriptions/" + pledged.paid().subscription()).params())
			.containsEntry("cancel_at_period_end", "true")
			.containsEntry("cancellation_details[feedback]", "unused")
			.containsEntry("metadata[cancel_reason]", "not_reading")
			.containsEntry("metadata[cancel_comment]", "No time to read.");
		assertThat(this.jdbc.queryForMap(
				"select cancel_at_period_end, cancel_reason, cancel_comment from pledge where provider_ref = ?",
				pledged.paid().subscription()))
			.containsEntry("cancel_at_period_end", true)
			.containsEntry("cancel_reason", "not_reading")
			.containsEntry("cancel_comment", "No time to read.");
		String account = pledged.reader().get("/account").body();
		assertThat(account).contains("Your membership is canceled.");

		pledged.reader().post(base + "/resume", account, Map.of("key", find(KEY, account)));

		assertThat(last("POST", "/v1/subscriptions/" + pledged.paid().subscription()).params())
			.containsEntry("cancel_at_period_end", "false");
		assertThat(this.jdbc.queryForMap(
				"select cancel_at_period_end, cancel_reason, canceled_at from pledge where provider_ref = ?",
				pledged.paid().subscription()))
			.containsEntry("cancel_at_period_end", false)
			.containsEntry("cancel_reason", null)
			.containsEntry("canceled_at", null);
	}

	@Test
	void stripeFailingChangesNothingAndTheFormSaysSo() {
		Pledged pledged = pledged();
		String base = "/account/pledges/" + pledged.pledgeId();
		String form = pledged.reader().get(base + "/change").body();
		Map<String, String> fields = Map.of("frequency", "monthly", "option", "own", "ownAmount", "15", "key",
				find(KEY, form));
		String confirm = pledged.reader().post(base + "/change/preview", form, fields).body();
		stripe.failNextPost("/v1/subscriptions/" + pledged.paid().subscription(), 1, 500);

		HttpResponse<String> failed = pledged.reader().post(base + "/change", confirm, fields);

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).contains("nothing was changed", "Change your support");
		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 1000L);
		assertThat(count("select count(*) from pledge_change where id = ?::uuid", fields.get("key"))).isZero();
		assertThat(pledged.reader().get("/account").body()).doesNotContain("Changing…");

		HttpResponse<String> again = pledged.reader()
			.post(base + "/change", failed.body(), Map.of("frequency", "monthly", "option", "own", "ownAmount", "15",
					"key", find(KEY, failed.body())));

		assertThat(Reader.location(again)).endsWith("/account");
		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 1500L);
	}

	@Test
	void thePageSaysChangingUntilTheLedgerHearsTheChangeBack() {
		Pledged pledged = pledged();
		String base = "/account/pledges/" + pledged.pledgeId();
		String form = pledged.reader().get(base + "/change").body();
		Map<String, String> fields = Map.of("frequency", "monthly", "option", "own", "ownAmount", "18", "key",
				find(KEY, form));
		String confirm = pledged.reader().post(base + "/change/preview", form, fields).body();
		// the change is made at Stripe, but reading it back fails for now
		stripe.failGetsAfter("/v1/subscriptions/" + pledged.paid().subscription(), 1, 10, 500);

		pledged.reader().get(Reader.location(pledged.reader().post(base + "/change", confirm, fields)));

		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 1000L);
		assertThat(pledged.reader().get("/account").body()).contains("Changing…")
			.doesNotContain("Change amount or frequency");

		stripe.clearFaults();
		this.jdbc.update("update provider_event set next_attempt_at = now() where event_id like ?",
				"change_%" + fields.get("key"));
		this.inbox.applyDue();

		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 1800L);
		assertThat(pledged.reader().get("/account").body()).doesNotContain("Changing…").contains("€18.00 a month");
	}

	@Test
	void aDeclinedProratedChargeLeavesThePledgeAsItWas() {
		Pledged pledged = pledged();
		String base = "/account/pledges/" + pledged.pledgeId();
		String form = pledged.reader().get(base + "/change").body();
		Map<String, String> fields = Map.of("frequency", "monthly", "option", "tier:patron", "key", find(KEY, form));
		String confirm = pledged.reader().post(base + "/change/preview", form, fields).body();
		stripe.declineChanges(pledged.paid().subscription());

		HttpResponse<String> declined = pledged.reader().post(base + "/change", confirm, fields);

		assertThat(pledged.reader().get(Reader.location(declined)).body())
			.contains("Your card was declined for the amount due now, so nothing was changed.");
		assertThat(pledge(pledged.paid().subscription())).containsEntry("amount_minor", 1000L)
			.containsEntry("tier", "supporter");
		assertThat(count("select count(*) from pledge_change where id = ?::uuid", fields.get("key"))).isZero();
	}

	@Test
	void anotherCustomersSubscriptionIsRefusedAtStripeToo() {
		Pledged mine = pledged();
		Pledged theirs = pledged();
		String form = mine.reader().get("/account/pledges/" + mine.pledgeId() + "/change").body();

		HttpResponse<String> tampered = mine.reader()
			.post("/account/pledges/" + theirs.pledgeId() + "/change", form,
					Map.of("frequency", "monthly", "option", "own", "ownAmount", "30", "key", find(KEY, form)));

		assertThat(tampered.statusCode()).isEqualTo(404);
		assertThat(stripe.requests("POST", "/v1/subscriptions/" + theirs.paid().subscription())).isEmpty();
		assertThat(pledge(theirs.paid().subscription())).containsEntry("amount_minor", 1000L);
	}

	/**
	 * A reader who pledged monthly at the Supporter tier on Stripe Checkout, signed in.
	 */
	private Pledged pledged() {
		String email = "change-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email));
		String customer = this.customers.customerOf(email).orElseThrow();
		List<Request> sessions = stripe.requests("POST", "/v1/checkout/sessions")
			.stream()
			.filter((request) -> customer.equals(request.params().get("customer")))
			.toList();
		Request session = sessions.get(sessions.size() - 1);
		String sessionId = this.jdbc.queryForObject("select provider_session from checkout where id = ?::uuid",
				String.class, session.params().get("client_reference_id"));
		Paid paid = stripe.complete(sessionId, Instant.now());
		assertThat(reader.get(session.params().get("success_url").replace("{CHECKOUT_SESSION_ID}", sessionId)).body())
			.contains("You are now a supporter");
		return new Pledged(reader, find(PLEDGE_ID, reader.get("/account").body()), paid);
	}

	private static JsonObject item(String subscription) {
		return stripe.object(subscription).getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
	}

	private static Request last(String method, String path) {
		List<Request> requests = stripe.requests(method, path);
		assertThat(requests).as("%s %s", method, path).isNotEmpty();
		return requests.get(requests.size() - 1);
	}

	private static String money(long minor) {
		return org.supporters.catalog.Money.of(minor, "EUR").formatted();
	}

	private static String find(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

	private record Pledged(Reader reader, String pledgeId, Paid paid) {
	}

}
