package org.supporters.payment.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.sandbox.SandboxRepository.Managed;
import org.supporters.payment.sandbox.SandboxRepository.Subscription;
import org.supporters.platform.AppSecrets;
import org.supporters.platform.SupportersProperties;

/**
 * The sandbox's stand-in for Stripe's Customer Portal: a page, reached by a signed link,
 * where a reader cancels a subscription at the end of its paid period, or gives a new
 * card. The change goes through the inbox like any provider event.
 */
@Service
@Conditional(SandboxMode.class)
class SandboxManage {

	private final SandboxRepository repository;

	private final SandboxEvents events;

	private final ProviderEventInbox inbox;

	private final AppSecrets secrets;

	private final SupportersProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SandboxBilling billing;

	SandboxManage(SandboxRepository repository, SandboxEvents events, ProviderEventInbox inbox, AppSecrets secrets,
			SupportersProperties properties, TransactionTemplate transaction, Clock clock, SandboxBilling billing) {
		this.billing = billing;
		this.repository = repository;
		this.events = events;
		this.inbox = inbox;
		this.secrets = secrets;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The signed link to the email's manage page; empty when it never paid here. */
	Optional<URI> manageUrl(String email) {
		if (!this.repository.hasCompletedSession(email)) {
			return Optional.empty();
		}
		return Optional.of(UriComponentsBuilder.fromUri(this.properties.publicUri())
			.path("/sandbox/manage")
			.queryParam("email", email)
			.queryParam("signature", sign(email))
			.encode()
			.build()
			.toUri());
	}

	boolean genuine(String email, String signature) {
		return email != null && signature != null && MessageDigest
			.isEqual(signature.getBytes(StandardCharsets.US_ASCII), sign(email).getBytes(StandardCharsets.US_ASCII));
	}

	List<Managed> subscriptionsOf(String email) {
		return this.repository.subscriptionsOf(email);
	}

	/**
	 * Cancels the subscription at the end of its paid period; false when it is not the
	 * reader's or is already ending.
	 */
	boolean cancelAtPeriodEnd(String email, String subscriptionId) {
		String eventId = SandboxIds.next("evt_sbx_");
		Boolean changed = this.transaction.execute((status) -> {
			Optional<Managed> managed = this.repository.lockSubscriptionOf(email, subscriptionId);
			if (managed.isEmpty() || managed.get().subscription().cancelAtPeriodEnd()
					|| managed.get().subscription().status() == SandboxSubscriptionStatus.CANCELED) {
				return false;
			}
			Subscription current = managed.get().subscription();
			Subscription canceling = new Subscription(current.id(), current.sessionId(), current.status(),
					current.currentPeriodEnd(), current.failsRenewals(), current.failedAttempts(),
					current.nextAttemptAt(), null, true);
			this.repository.updateSubscription(canceling);
			Instant now = this.clock.instant();
			this.events.send(eventId, "customer.subscription.updated", now,
					SandboxBilling.pledge(managed.get().session(), canceling, null, now), null);
			return true;
		});
		if (Boolean.TRUE.equals(changed)) {
			this.inbox.applyNow(SandboxEvents.PROVIDER, eventId);
		}
		return Boolean.TRUE.equals(changed);
	}

	/**
	 * Puts a new card on the subscription. A past-due one is retried with it at once
	 * (like Stripe paying the open invoice when the card changes): it recovers, through
	 * the inbox like any renewal.
	 */
	CardChange updateCard(String email, String subscriptionId, String cardNumber) {
		String digits = (cardNumber != null) ? cardNumber.replaceAll("[\\s-]", "") : "";
		if (!digits.matches("\\d{16}")) {
			return CardChange.refused("sandbox.card.error.format");
		}
		TestCard card = TestCard.of(digits);
		if (card != TestCard.SUCCEEDS) {
			return CardChange
				.refused((card == null) ? "sandbox.card.error.unknown-update" : "sandbox.card.error.fails-too");
		}
		Boolean pastDue = this.transaction.execute((status) -> {
			Optional<Managed> managed = this.repository.lockSubscriptionOf(email, subscriptionId);
			if (managed.isEmpty() || managed.get().subscription().status() == SandboxSubscriptionStatus.CANCELED) {
				return null;
			}
			Subscription current = managed.get().subscription();
			boolean due = current.status() == SandboxSubscriptionStatus.PAST_DUE;
			this.repository.updateSubscription(
					new Subscription(current.id(), current.sessionId(), current.status(), current.currentPeriodEnd(),
							false, current.failedAttempts(), due ? this.clock.instant() : current.nextAttemptAt(),
							current.canceledAt(), current.cancelAtPeriodEnd()));
			return due;
		});
		if (pastDue == null) {
			return CardChange.refused("sandbox.card.error.ended");
		}
		if (pastDue) {
			this.billing.chargeDue();
			return new CardChange(CardChange.Result.RETRIED, null);
		}
		return new CardChange(CardChange.Result.UPDATED, null);
	}

	private String sign(String email) {
		return HexFormat.of().formatHex(this.secrets.hmac("sandbox.manage", email.toLowerCase(Locale.ROOT)));
	}

	/**
	 * What became of a new card: kept for the next renewal, used at once for a past-due
	 * one, or refused (with what to tell the reader).
	 */
	record CardChange(Result result, String refusal) {

		static CardChange refused(String refusal) {
			return new CardChange(Result.REFUSED, refusal);
		}

		enum Result {

			UPDATED, RETRIED, REFUSED

		}

	}

}
