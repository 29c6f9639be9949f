package org.supporters.supporter;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.payment.PaymentReported;
import org.supporters.payment.PledgeNotYetKnownException;
import org.supporters.payment.PledgeReported;
import org.supporters.platform.ReaderErased;

/**
 * Applies what providers report to supporters, pledges and payments. It runs inside the
 * inbox's transaction for the event, so an event is applied wholly or not at all.
 */
@Component
class Ledger {

	private final LedgerRepository repository;

	private final Catalog catalog;

	Ledger(LedgerRepository repository, Catalog catalog) {
		this.repository = repository;
		this.catalog = catalog;
	}

	@EventListener
	void on(PledgeReported pledge) {
		UUID supporterId = this.repository.upsertSupporter(pledge.email(), pledge.name(), pledge.observedAt());
		Long tierId = (pledge.tierSlug() != null) ? this.catalog.tier(pledge.tierSlug()).map(Tier::id).orElse(null)
				: null;
		this.repository.upsertPledge(supporterId, tierId, pledge);
	}

	/**
	 * The supporter keeps their pledges and payments, under the pseudonym, without a
	 * name.
	 */
	@EventListener
	void on(ReaderErased erased) {
		this.repository.erase(erased.supporterId(), erased.replacementEmail(), erased.at());
	}

	@EventListener
	void on(PaymentReported payment) {
		UUID pledgeId = this.repository.pledgeId(payment.provider(), payment.pledgeReference())
			.orElseThrow(() -> new PledgeNotYetKnownException(payment.provider(), payment.pledgeReference()));
		this.repository.upsertPayment(pledgeId, payment);
	}

}
