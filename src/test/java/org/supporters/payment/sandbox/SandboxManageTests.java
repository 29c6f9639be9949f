package org.supporters.payment.sandbox;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.membership.MembershipService;
import org.supporters.payment.PaymentProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's stand-in for Stripe's Customer Portal: a reader cancels at period end and
 * keeps what they paid for.
 */
class SandboxManageTests extends IntegrationTest {

	private static final Pattern HIDDEN = Pattern.compile("name=\"(email|signature|subscription)\" value=\"([^\"]+)\"");

	@Autowired
	PaymentProvider provider;

	@Autowired
	MembershipService memberships;

	@Autowired
	SandboxClock clock;

	@Autowired
	SandboxBilling billing;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void readerCancelsAtPeriodEndKeepsTheMembershipUntilThenAndIsNotChargedAgain() {
		String email = pledge();
		Reader reader = new Reader(this.port);
		String manageUrl = this.provider.manageUrl(email).orElseThrow().toString();
		assertThat(manageUrl).startsWith(url("/sandbox/manage?"));
		String page = reader.get(manageUrl).body();
		assertThat(page).contains("Test mode", "Cancel at the end of this period");

		HttpResponse<String> canceled = reader.post("/sandbox/manage/cancel", page, hiddenFields(page));

		assertThat(reader.get(Reader.location(canceled)).body())
			.contains("Your support will end at the end of the period you paid for.");
		assertThat(this.jdbc.queryForObject("""
				select p.cancel_at_period_end from pledge p join supporter s on s.id = p.supporter_id
				where s.email = ?""", Boolean.class, email)).isTrue();
		assertThat(this.memberships.membershipOfEmail(email).orElseThrow().status().code()).isEqualTo("canceling");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from provider_event where provider = 'sandbox' and type = 'customer.subscription.updated'"
						+ " and payload -> 'pledge' ->> 'email' = ?",
				Long.class, email))
			.as("the change went through the inbox")
			.isEqualTo(1);

		this.clock.advance(Duration.ofDays(32));
		this.billing.chargeDue();

		assertThat(this.jdbc.queryForMap("""
				select p.status, p.ended_reason from pledge p join supporter s on s.id = p.supporter_id
				where s.email = ?""", email)).containsEntry("status", "canceled")
			.containsEntry("ended_reason", "canceled");
		assertThat(this.jdbc.queryForList("""
				select pay.status from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where s.email = ?""", String.class, email))
			.containsExactly("succeeded");
	}

	@Test
	void signedInReaderOpensTheManagePageFromTheAccountPage() {
		String email = "manage-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader.pay(
				reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email)),
				"4242424242424242");
		reader.get(Reader.location(paid));
		String account = reader.get("/account").body();
		assertThat(account).contains("Manage, cancel or update card");

		HttpResponse<String> manage = reader.post("/account/manage", account, Map.of());

		assertThat(Reader.location(manage)).startsWith(url("/sandbox/manage?"));
		assertThat(reader.get(Reader.location(manage)).body()).contains("Cancel at the end of this period");
	}

	@Test
	void theCancelButtonAsksFirstAndAWrongCardIsRefusedNextToTheField() {
		String email = pledge();
		Reader reader = new Reader(this.port);
		String page = reader.get(this.provider.manageUrl(email).orElseThrow().toString()).body();
		Map<String, String> fields = hiddenFields(page);

		HttpResponse<String> asked = reader
			.get("/sandbox/manage/cancel?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&signature="
					+ fields.get("signature") + "&subscription=" + fields.get("subscription"));
		Map<String, String> card = new HashMap<>(fields);
		card.put("card", "4242");
		HttpResponse<String> refused = reader.post("/sandbox/manage/card", page, card);
		HttpResponse<String> forged = reader.post("/sandbox/manage/card", page, Map.of("email", email, "signature",
				"0".repeat(64), "subscription", fields.get("subscription"), "card", "4242 4242 4242 4242"));
		card.put("card", "4242 4242 4242 4242");
		HttpResponse<String> noToken = reader.postRaw("/sandbox/manage/card", card);

		assertThat(asked.body()).contains("Cancel your support?", "Yes, cancel at the end of this period",
				"No, keep my support");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("class=\"field-error\"",
				"Enter the 16-digit card number, for example 4242 4242 4242 4242.", "aria-invalid=\"true\"");
		assertThat(forged.statusCode()).isEqualTo(404);
		assertThat(noToken.statusCode()).as("CSRF").isEqualTo(403);
		assertThat(this.jdbc.queryForObject("""
				select p.cancel_at_period_end from pledge p join supporter s on s.id = p.supporter_id
				where s.email = ?""", Boolean.class, email)).as("asking cancels nothing").isFalse();
	}

	@Test
	void manageLinkWithAForgedSignatureIsNotFound() {
		String email = pledge();

		assertThat(new Reader(this.port).get("/sandbox/manage?email=" + email + "&signature=" + "0".repeat(64))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void readerWhoNeverPaidHasNoManageLink() {
		assertThat(this.provider.manageUrl("never-" + UUID.randomUUID() + "@example.org")).isEmpty();
	}

	private String pledge() {
		String email = "manage-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader.pay(
				reader.pledge(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email)),
				"4242424242424242");
		reader.get(Reader.location(paid));
		return email;
	}

	private static Map<String, String> hiddenFields(String page) {
		Matcher matcher = HIDDEN.matcher(page);
		Map<String, String> fields = new java.util.HashMap<>();
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2).replace("&#64;", "@"));
		}
		assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(List.of("email", "signature", "subscription"));
		return fields;
	}

}
