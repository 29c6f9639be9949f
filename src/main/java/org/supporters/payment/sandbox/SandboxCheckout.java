package org.supporters.payment.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ResponseStatus;

import org.supporters.payment.sandbox.SandboxRepository.Session;
import org.supporters.payment.sandbox.SandboxRepository.Subscription;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PledgeReported;
import org.supporters.supporter.PledgeReported.State;
import org.supporters.supporter.Provider;

/**
 * Paying on the sandbox's hosted checkout page: what each test card does, the extra
 * authentication step, and completing a session exactly once.
 */
@Service
@Conditional(SandboxMode.class)
class SandboxCheckout {

	static final Duration SESSION_LIFETIME = Duration.ofHours(24);

	private final SandboxRepository repository;

	private final SandboxEvents events;

	private final SandboxPaymentProvider provider;

	private final SandboxPayments payments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SandboxCheckout(SandboxRepository repository, SandboxEvents events, SandboxPaymentProvider provider,
			SandboxPayments payments, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.provider = provider;
		this.payments = payments;
		this.transaction = transaction;
		this.clock = clock;
	}

	Outcome pay(String sessionId, String cardNumber) {
		String digits = (cardNumber != null) ? cardNumber.replaceAll("[\\s-]", "") : "";
		if (!digits.matches("\\d{16}")) {
			return Outcome.refused("sandbox.card.error.format");
		}
		TestCard card = TestCard.of(digits);
		if (card == null) {
			return Outcome.refused("sandbox.card.error.unknown");
		}
		return onOpenSession(sessionId, (session) -> switch (card) {
			case DECLINED -> Outcome.refused("sandbox.card.error.declined");
			case INSUFFICIENT_FUNDS -> Outcome.refused("sandbox.card.error.insufficient-funds");
			case REQUIRES_AUTHENTICATION -> {
				this.repository.updateSessionStatus(session.id(), "authenticating", null);
				yield Outcome.authenticate();
			}
			case SUCCEEDS -> complete(session, false);
			case FAILS_RENEWALS -> complete(session, true);
		});
	}

	Outcome authenticate(String sessionId, boolean approved) {
		return onOpenSession(sessionId, (session) -> {
			if (approved && "authenticating".equals(session.status())) {
				return complete(session, false);
			}
			this.repository.updateSessionStatus(session.id(), "open", null);
			return Outcome.refused("sandbox.card.error.authentication");
		});
	}

	/**
	 * Runs a payment step on the locked session; a session paid already answers with its
	 * return address (no second payment), an expired one with the expiry.
	 */
	private Outcome onOpenSession(String sessionId, Function<Session, Outcome> step) {
		return this.transaction.execute((status) -> {
			Session session = this.repository.lockSession(sessionId).orElseThrow(SessionNotFoundException::new);
			if (session.completed()) {
				return Outcome.completed(this.provider.returnUrl(session));
			}
			if (expired(session)) {
				return Outcome.expired();
			}
			return step.apply(session);
		});
	}

	Session session(String sessionId) {
		return this.repository.session(sessionId).orElseThrow(SessionNotFoundException::new);
	}

	boolean expired(Session session) {
		return !session.completed() && this.clock.instant().isAfter(session.createdAt().plus(SESSION_LIFETIME));
	}

	private Outcome complete(Session session, boolean failsRenewals) {
		Instant now = this.clock.instant();
		this.repository.updateSessionStatus(session.id(), "completed", now);
		PledgeReported pledge;
		if (session.interval() != null) {
			Instant periodEnd = session.interval().periodEnd(now);
			Subscription subscription = new Subscription(SandboxIds.next("sub_sbx_"), session.id(),
					SandboxSubscriptionStatus.ACTIVE, periodEnd, failsRenewals, 0, periodEnd, null, false);
			this.repository.insertSubscription(subscription);
			pledge = SandboxBilling.pledge(session, subscription, null, now);
		}
		else {
			pledge = new PledgeReported(Provider.SANDBOX, session.id(), session.checkoutId(), session.email(),
					session.name(), null, session.amount(), null, State.PAID, null, false, null, now, now);
		}
		PaymentReported payment = this.payments.take(session, pledge.reference(), now);
		this.events.send(SandboxPaymentProvider.completionEventId(session), "checkout.session.completed", now, pledge,
				payment);
		return Outcome.completed(this.provider.returnUrl(session));
	}

	/** What a payment attempt led to: where to go next, or what to tell the reader. */
	record Outcome(Step step, String message, String redirectUrl) {

		static Outcome completed(String returnUrl) {
			return new Outcome(Step.COMPLETED, null, returnUrl);
		}

		static Outcome refused(String message) {
			return new Outcome(Step.REFUSED, message, null);
		}

		static Outcome authenticate() {
			return new Outcome(Step.AUTHENTICATE, null, null);
		}

		static Outcome expired() {
			return new Outcome(Step.EXPIRED, "sandbox.checkout.expired", null);
		}

	}

	enum Step {

		COMPLETED, REFUSED, AUTHENTICATE, EXPIRED

	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class SessionNotFoundException extends RuntimeException {

		SessionNotFoundException() {
			super("No such sandbox checkout");
		}

	}

}
