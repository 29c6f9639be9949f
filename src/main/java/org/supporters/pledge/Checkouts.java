package org.supporters.pledge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.supporters.payment.CheckoutRequest;
import org.supporters.payment.CheckoutSession;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.PaymentProviderUnavailableException;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeReported;
import org.supporters.platform.ReaderErased;
import org.supporters.platform.SupportersProperties;
import org.supporters.pledge.CheckoutRepository.Checkout;

/**
 * Starts checkouts at the provider exactly once per submitted form, and follows them to
 * completion or expiry. A checkout is not a supporter: only the provider's report of
 * payment makes one.
 */
@Service
class Checkouts {

	static final Duration LIFETIME = Duration.ofHours(24);

	/**
	 * How long a second submit of the same form waits for the first one's session; a
	 * claim older than this (its instance died) is taken over.
	 */
	static final Duration SESSION_WAIT = Duration.ofSeconds(30);

	private static final Duration WAIT_STEP = Duration.ofMillis(100);

	/** How long after paying the return address may still sign the reader in (once). */
	static final Duration SIGN_IN_WINDOW = Duration.ofHours(1);

	private final CheckoutRepository checkouts;

	private final PaymentProvider provider;

	private final SupportersProperties properties;

	private final Clock clock;

	Checkouts(CheckoutRepository checkouts, PaymentProvider provider, SupportersProperties properties, Clock clock) {
		this.checkouts = checkouts;
		this.provider = provider;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Where to send the reader for this choice: the provider's checkout page, the same
	 * one again for the same form sent twice, or the thank-you page when it was already
	 * paid. No database transaction stays open while the provider answers: the request
	 * that claims the checkout asks the provider, a second submit of the same form waits
	 * for its answer.
	 * @param returnUrl where the thank-you page leads back to (already checked), or null
	 * @param attribution what brought the reader, kept on the checkout
	 * @throws PaymentProviderUnavailableException when the provider failed to answer
	 */
	Start start(PledgeChoice choice, String attempt, String returnUrl, Attribution attribution) {
		Checkout checkout = this.checkouts.insertOrFind(idempotencyKey(choice, attempt), choice, returnUrl, attribution,
				this.provider.name(), this.clock.instant());
		long giveUpAt = System.nanoTime() + SESSION_WAIT.toNanos();
		while (true) {
			if (checkout.completed()) {
				return new Start(checkout.id(), thanksUrl(checkout.id()));
			}
			if (!checkout.open()) {
				return Start.EXPIRED;
			}
			if (checkout.redirectUrl() != null) {
				return new Start(checkout.id(), checkout.redirectUrl());
			}
			Instant now = this.clock.instant();
			if (this.checkouts.claimSessionRequest(checkout.id(), now, now.minus(SESSION_WAIT))) {
				return new Start(checkout.id(), requestSession(checkout, choice));
			}
			if (System.nanoTime() - giveUpAt > 0) {
				throw new PaymentProviderUnavailableException("No checkout session from the provider in time", null);
			}
			pause();
			checkout = this.checkouts.find(checkout.id()).orElseThrow();
		}
	}

	private URI requestSession(Checkout checkout, PledgeChoice choice) {
		CheckoutSession session;
		try {
			session = this.provider.startCheckout(new CheckoutRequest(checkout.id(), choice.email(), choice.name(),
					choice.description(), (choice.tier() != null) ? choice.tier().slug() : null, choice.amount(),
					choice.interval(), thanksUrl(checkout.id()),
					URI.create(this.properties.publicUri() + "/support?checkout=" + checkout.id())));
		}
		catch (RuntimeException ex) {
			this.checkouts.releaseSessionRequest(checkout.id());
			count(Step.FAILED, this.provider.name(), kind(choice), "reason", "provider_unavailable");
			throw ex;
		}
		this.checkouts.recordSession(checkout.id(), session.reference(), session.redirectUrl());
		count(Step.STARTED, this.provider.name(), kind(choice));
		return session.redirectUrl();
	}

	private static PledgeKind kind(PledgeChoice choice) {
		return choice.recurring() ? PledgeKind.RECURRING : PledgeKind.ONE_OFF;
	}

	/**
	 * Counts a checkout's step once the transaction it happens in commits (the inbox may
	 * roll an event back and apply it again), or at once outside one.
	 */
	private static void count(Step step, String provider, PledgeKind kind, String... tags) {
		Runnable increment = () -> Counter.builder(step.metric)
			.description(step.description)
			.tags(Tags.of(tags).and("provider", provider, "kind", kind.code()))
			.register(Metrics.globalRegistry)
			.increment();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					increment.run();
				}
			});
		}
		else {
			increment.run();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(WAIT_STEP.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentProviderUnavailableException("Interrupted while waiting for the provider", ex);
		}
	}

	Optional<Checkout> find(UUID id) {
		return this.checkouts.find(id);
	}

	/**
	 * True once per checkout, within an hour of its payment: the return address signs in
	 * the browser that paid, not whoever copies the address later.
	 */
	boolean claimSignIn(UUID checkoutId) {
		Instant now = this.clock.instant();
		return this.checkouts.claimSignIn(checkoutId, now, now.minus(SIGN_IN_WINDOW));
	}

	@EventListener
	void on(PledgeReported pledge) {
		if (pledge.checkoutId() != null) {
			this.checkouts.markCompleted(pledge.checkoutId(), pledge.observedAt())
				.ifPresent((ended) -> count(Step.COMPLETED, ended.provider(), ended.kind()));
		}
	}

	@EventListener
	void on(ReaderErased erased) {
		this.checkouts.erase(erased.email(), erased.replacementEmail());
	}

	/** Checkouts left unpaid for a day are abandoned; returns how many expired now. */
	int expireAbandoned() {
		List<CheckoutRepository.Ended> expired = this.checkouts
			.expireOpenCreatedBefore(this.clock.instant().minus(LIFETIME));
		expired.forEach((ended) -> count(Step.FAILED, ended.provider(), ended.kind(), "reason", "expired"));
		return expired.size();
	}

	private URI thanksUrl(UUID checkoutId) {
		return URI.create(this.properties.publicUri() + "/support/thanks/" + checkoutId);
	}

	private static String idempotencyKey(PledgeChoice choice, String attempt) {
		String form = String.join("|", attempt, choice.email().toLowerCase(Locale.ROOT), String.valueOf(choice.name()),
				(choice.tier() != null) ? choice.tier().slug() : "", String.valueOf(choice.amount().minor()),
				choice.amount().currency().getCurrencyCode(),
				choice.recurring() ? choice.interval().code() : "one-off");
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** What the metrics count of checkouts. */
	private enum Step {

		STARTED("supporters.checkouts.started", "Readers sent to the provider's checkout"),

		COMPLETED("supporters.checkouts.completed", "Checkouts paid: the provider reported the pledge"),

		FAILED("supporters.checkouts.failed",
				"Checkouts that came to nothing: no checkout page from the provider, or left unpaid for a day");

		private final String metric;

		private final String description;

		Step(String metric, String description) {
			this.metric = metric;
			this.description = description;
		}

	}

	/**
	 * The checkout and where to send the reader; {@link #EXPIRED} when the form is too
	 * old to use.
	 */
	record Start(UUID checkoutId, URI redirectUrl) {

		static final Start EXPIRED = new Start(null, null);

		boolean expired() {
			return this.redirectUrl == null;
		}

	}

}
