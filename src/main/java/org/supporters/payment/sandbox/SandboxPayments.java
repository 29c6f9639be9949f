package org.supporters.payment.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.catalog.Money;

import org.supporters.payment.ProviderEventInbox;
import org.supporters.payment.sandbox.SandboxRepository.Payment;
import org.supporters.payment.sandbox.SandboxRepository.Session;
import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.Provider;

/**
 * The sandbox's payments and what Stripe lets staff do to one: refund it in full or in
 * part, and a dispute the card holder opens, which the business wins or loses. Each
 * change is a Stripe-shaped event through the inbox, so the ledger's rules run offline.
 */
@Service
@Conditional(SandboxMode.class)
class SandboxPayments {

	private final SandboxRepository repository;

	private final SandboxEvents events;

	private final ProviderEventInbox inbox;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SandboxPayments(SandboxRepository repository, SandboxEvents events, ProviderEventInbox inbox,
			TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.inbox = inbox;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Takes the session's amount for the pledge, in the caller's transaction. */
	PaymentReported take(Session session, String pledgeReference, Instant at) {
		return take(session, pledgeReference, session.amount(), at);
	}

	/**
	 * Takes this amount for the pledge (a prorated change), in the caller's transaction.
	 */
	PaymentReported take(Session session, String pledgeReference, Money amount, Instant at) {
		Payment payment = new Payment(SandboxIds.next("py_sbx_"), session.id(), pledgeReference, amount, 0, null, at,
				session.email(), session.description());
		this.repository.insertPayment(payment);
		return report(payment, at);
	}

	List<Payment> newest(int limit) {
		return this.repository.newestPayments(limit);
	}

	/**
	 * Gives back {@code major} (in the payment's currency, e.g. 2.50) of the payment, or
	 * all that is left when {@code null}.
	 * @return false when there is nothing left to refund, or the amount is more than that
	 * or not a whole number of minor units
	 */
	boolean refund(String paymentId, BigDecimal major) {
		return change(paymentId, "charge.refunded", (payment) -> {
			long left = payment.amount().minor() - payment.refundedMinor();
			long amount;
			try {
				amount = (major != null)
						? major.movePointRight(payment.amount().currency().getDefaultFractionDigits()).longValueExact()
						: left;
			}
			catch (ArithmeticException ex) {
				return Optional.empty();
			}
			if (amount < 1 || amount > left || payment.dispute() != null) {
				return Optional.empty();
			}
			return Optional.of(payment.withRefunded(payment.refundedMinor() + amount));
		});
	}

	/** The card holder disputes the payment. */
	boolean openDispute(String paymentId) {
		return change(paymentId, "charge.dispute.created",
				(payment) -> (payment.dispute() == null && payment.refundedMinor() == 0)
						? Optional.of(payment.withDispute(Dispute.OPEN)) : Optional.empty());
	}

	/** The open dispute is decided, for the business or for the card holder. */
	boolean closeDispute(String paymentId, boolean won) {
		return change(paymentId, "charge.dispute.closed", (payment) -> (payment.dispute() == Dispute.OPEN)
				? Optional.of(payment.withDispute(won ? Dispute.WON : Dispute.LOST)) : Optional.empty());
	}

	private boolean change(String paymentId, String type, Function<Payment, Optional<Payment>> change) {
		String eventId = SandboxIds.next("evt_sbx_");
		Boolean changed = this.transaction.execute((status) -> {
			Optional<Payment> changedPayment = this.repository.lockPayment(paymentId).flatMap(change);
			changedPayment.ifPresent((payment) -> {
				this.repository.updatePayment(payment);
				Instant now = this.clock.instant();
				this.events.send(eventId, type, now, null, report(payment, now));
			});
			return changedPayment.isPresent();
		});
		if (Boolean.TRUE.equals(changed)) {
			this.inbox.applyNow(SandboxEvents.PROVIDER, eventId);
		}
		return Boolean.TRUE.equals(changed);
	}

	static PaymentReported report(Payment payment, Instant observedAt) {
		PaymentStatus status;
		if (payment.dispute() == Dispute.LOST) {
			status = PaymentStatus.DISPUTE_LOST;
		}
		else if (payment.dispute() == Dispute.OPEN) {
			status = PaymentStatus.DISPUTED;
		}
		else if (payment.refundedMinor() >= payment.amount().minor()) {
			status = PaymentStatus.REFUNDED;
		}
		else if (payment.refundedMinor() > 0) {
			status = PaymentStatus.PARTIALLY_REFUNDED;
		}
		else {
			status = PaymentStatus.SUCCEEDED;
		}
		return new PaymentReported(Provider.SANDBOX, payment.id(), payment.pledgeReference(), payment.amount(), status,
				payment.refundedMinor(), null, payment.createdAt(), observedAt);
	}

	/** Where a dispute of a sandbox payment stands. */
	enum Dispute {

		OPEN, WON, LOST

	}

}
