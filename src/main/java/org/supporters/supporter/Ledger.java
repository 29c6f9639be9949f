package org.supporters.supporter;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.platform.ReaderErased;
import org.supporters.supporter.LedgerRepository.StoredPayment;
import org.supporters.supporter.LedgerRepository.StoredPledge;
import org.supporters.supporter.LedgerRules.Change;
import org.supporters.supporter.LedgerRules.PaymentOutcome;
import org.supporters.supporter.LedgerRules.PledgeOutcome;

/**
 * Applies what providers report to supporters, pledges and payments by the
 * {@link LedgerRules}, and says what changed as events. It runs inside the inbox's
 * transaction for the event, so an event is applied (and its events published) wholly or
 * not at all. A listener that acts outside the database (a mail) should listen after the
 * commit ({@code @TransactionalEventListener}): an event whose transaction rolls back and
 * is retried is then heard once.
 */
@Component
class Ledger {

	private final LedgerRepository repository;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	Ledger(LedgerRepository repository, Catalog catalog, ApplicationEventPublisher events) {
		this.repository = repository;
		this.catalog = catalog;
		this.events = events;
	}

	@EventListener
	void on(PledgeReported report) {
		UUID supporterId = this.repository.upsertSupporter(report.email(), report.name(), report.observedAt());
		PledgeKind kind = report.recurring() ? PledgeKind.RECURRING : PledgeKind.ONE_OFF;
		Optional<StoredPledge> current = this.repository.lockPledge(report.provider(), report.reference());
		Long tierId = (report.tierSlug() != null) ? this.catalog.tier(report.tierSlug()).map(Tier::id).orElse(null)
				: null;
		PledgeOutcome outcome = LedgerRules.pledge(current.map(StoredPledge::state).orElse(null), kind, report, tierId);
		if (outcome.state() == null) {
			return;
		}
		UUID pledgeId;
		if (current.isEmpty()) {
			pledgeId = this.repository.insertPledge(supporterId, kind, tierId, report, outcome.state());
		}
		else {
			pledgeId = current.get().id();
			supporterId = current.get().supporterId();
			this.repository.updatePledge(pledgeId, tierId, report, outcome.state());
		}
		for (Change change : outcome.changes()) {
			this.events.publishEvent(switch (change) {
				case STARTED -> new PledgeStarted(supporterId, pledgeId, kind, report.provider(), report.reference(),
						report.observedAt());
				case RENEWED ->
					new PledgeRenewed(supporterId, pledgeId, report.currentPeriodEnd(), report.observedAt());
				case RENEWAL_FAILED -> new RenewalFailed(supporterId, pledgeId, report.observedAt());
				case RETRY_FAILED ->
					new RenewalRetryFailed(supporterId, pledgeId, outcome.state().nextRetryAt(), report.observedAt());
				case RECOVERED -> new PledgeRecovered(supporterId, pledgeId, report.observedAt());
				case CHANGED -> new PledgeChanged(supporterId, pledgeId, report.amount(), report.interval(), tierId,
						report.observedAt());
				case CANCELED ->
					new PledgeCanceled(supporterId, pledgeId, report.currentPeriodEnd(), report.observedAt());
				case RESUMED -> new PledgeResumed(supporterId, pledgeId, report.observedAt());
				case ENDED -> new PledgeEnded(supporterId, pledgeId, kind, report.provider(), report.reference(),
						outcome.state().endedReason(), report.observedAt());
			});
		}
	}

	@EventListener
	void on(PaymentReported report) {
		StoredPledge pledge = this.repository.lockPledge(report.provider(), report.pledgeReference())
			.orElseThrow(() -> new PledgeNotYetKnownException(report.provider(), report.pledgeReference()));
		Optional<StoredPayment> current = this.repository.payment(report.provider(), report.reference());
		boolean paysCurrentPeriod = this.repository.latestPaymentAt(pledge.id(), report.reference())
			.map((latest) -> !report.occurredAt().isBefore(latest))
			.orElse(true);
		PaymentOutcome outcome = LedgerRules.payment(pledge.state(), pledge.kind(),
				current.map(StoredPayment::state).orElse(null), report, paysCurrentPeriod);
		if (!outcome.store()) {
			return;
		}
		UUID paymentId = this.repository.upsertPayment(pledge.id(), report);
		if (outcome.newlyRefunded() > 0) {
			this.events.publishEvent(new PaymentRefunded(pledge.supporterId(), pledge.id(), paymentId,
					Money.of(outcome.newlyRefunded(), report.amount().currency().getCurrencyCode()),
					report.refundedMinor() >= report.amount().minor(), report.observedAt()));
		}
		if (outcome.endedPledge() != null) {
			this.repository.updatePledgeState(pledge.id(), outcome.endedPledge(), report.observedAt());
			this.events
				.publishEvent(new PledgeEnded(pledge.supporterId(), pledge.id(), pledge.kind(), report.provider(),
						report.pledgeReference(), outcome.endedPledge().endedReason(), report.observedAt()));
		}
	}

	/**
	 * The supporter keeps their pledges and payments, under the pseudonym, without a
	 * name.
	 */
	@EventListener
	void on(ReaderErased erased) {
		this.repository.erase(erased.supporterId(), erased.replacementEmail(), erased.at());
	}

}
