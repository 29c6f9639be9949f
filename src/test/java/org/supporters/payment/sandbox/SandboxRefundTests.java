package org.supporters.payment.sandbox;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.catalog.Money;
import org.supporters.membership.MembershipService;
import org.supporters.membership.MembershipStatus;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.sandbox.SandboxRepository.Payment;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PaymentRefunded;
import org.supporters.supporter.PledgeEnded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's refunds and disputes run the ledger's rules offline, and each change is
 * said once: a report repeated later says nothing again.
 */
@RecordApplicationEvents
class SandboxRefundTests extends IntegrationTest {

	@Autowired
	SandboxPayments payments;

	@Autowired
	SandboxEvents events;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	SandboxClock clock;

	@Autowired
	MembershipService memberships;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents published;

	@Test
	void aFullRefundEndsThePledgeAtOnceStopsRenewalsAndIsSaidOnce() {
		String email = pledge("monthly");
		Payment payment = paymentOf(email);
		this.published.clear();

		assertThat(this.payments.refund(payment.id(), null)).isTrue();
		String repeated = SandboxIds.next("evt_sbx_");
		this.events.send(repeated, "charge.refunded", this.clock.instant(), null,
				SandboxPayments.report(paymentOf(email), this.clock.instant()));
		this.inbox.applyNow(SandboxEvents.PROVIDER, repeated);

		assertThat(pledgeOf(email)).containsEntry("status", "canceled").containsEntry("ended_reason", "refunded");
		assertThat(this.memberships.membershipOfEmail(email).orElseThrow().status()).isEqualTo(MembershipStatus.NONE);
		assertThat(this.published.stream(PledgeEnded.class)).singleElement()
			.satisfies((ended) -> assertThat(ended.reason()).isEqualTo(EndedReason.REFUNDED));
		assertThat(this.published.stream(PaymentRefunded.class)).singleElement().satisfies((refunded) -> {
			assertThat(refunded.refunded()).isEqualTo(Money.of(1000, "EUR"));
			assertThat(refunded.full()).isTrue();
		});
		// moving the sandbox clock here would shift the calendar under the renewal tests
		assertThat(this.jdbc.queryForMap("""
				select sub.status, sub.next_attempt_at is null as not_charged_again from sandbox_subscription sub
				join sandbox_session ses on ses.id = sub.session_id where ses.email = ?""", email))
			.as("the sandbox stopped charging the ended pledge")
			.containsEntry("status", "canceled")
			.containsEntry("not_charged_again", true);
	}

	@Test
	void aPartialRefundIsRecordedAndKeepsTheMembership() {
		String email = pledge("monthly");
		this.published.clear();

		assertThat(this.payments.refund(paymentOf(email).id(), new BigDecimal("2.50"))).isTrue();
		assertThat(this.payments.refund(paymentOf(email).id(), new BigDecimal("8.00"))).as("more than is left")
			.isFalse();

		assertThat(this.jdbc.queryForMap("""
				select pay.status, pay.refunded_minor from payment pay join pledge p on p.id = pay.pledge_id
				join supporter s on s.id = p.supporter_id where s.email = ?""", email))
			.containsEntry("status", "partially_refunded")
			.containsEntry("refunded_minor", 250L);
		assertThat(this.memberships.membershipOfEmail(email).orElseThrow().status()).isEqualTo(MembershipStatus.ACTIVE);
		assertThat(this.published.stream(PaymentRefunded.class)).singleElement()
			.satisfies((refunded) -> assertThat(refunded.refunded()).isEqualTo(Money.of(250, "EUR")));
		assertThat(this.published.stream(PledgeEnded.class)).isEmpty();
	}

	@Test
	void aWonDisputeKeepsAContributionAndALostOneEndsIt() {
		String won = pledge("one-off");
		String lost = pledge("one-off");

		assertThat(this.payments.openDispute(paymentOf(won).id())).isTrue();
		assertThat(this.payments.closeDispute(paymentOf(won).id(), true)).isTrue();
		assertThat(this.payments.openDispute(paymentOf(lost).id())).isTrue();
		assertThat(this.payments.closeDispute(paymentOf(lost).id(), false)).isTrue();

		assertThat(this.memberships.membershipOfEmail(won).orElseThrow().status())
			.isEqualTo(MembershipStatus.CONTRIBUTOR);
		assertThat(pledgeOf(lost)).containsEntry("status", "refunded").containsEntry("ended_reason", "dispute_lost");
		assertThat(this.memberships.membershipOfEmail(lost).orElseThrow().member()).isFalse();
	}

	private String pledge(String frequency) {
		String email = "refunding-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		Map<String, String> form = "one-off".equals(frequency)
				? Map.of("frequency", "one-off", "option", "preset:1000", "email", email)
				: Map.of("frequency", frequency, "option", "tier:supporter", "email", email);
		HttpResponse<String> paid = reader.pay(reader.pledge(form), "4242424242424242");
		reader.get(Reader.location(paid));
		return email;
	}

	private Payment paymentOf(String email) {
		return this.payments.newest(500)
			.stream()
			.filter((payment) -> payment.email().equals(email))
			.findFirst()
			.orElseThrow();
	}

	private Map<String, Object> pledgeOf(String email) {
		return this.jdbc.queryForMap(
				"select p.status, p.ended_reason from pledge p join supporter s on s.id = p.supporter_id where s.email = ?",
				email);
	}

}
