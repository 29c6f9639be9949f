package org.supporters.payment;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.payment.InboxHealthRepository.InboxHealth;
import org.supporters.staff.AuditLog;

/**
 * The inbox as admins see it: what waits or fails, what reconciliation put right, and a
 * retry of one event on request.
 */
@Service
class InboxAdministration {

	private final InboxHealthRepository health;

	private final ProviderEventInbox inbox;

	private final ProviderReconciliation reconciliation;

	private final AuditLog audit;

	InboxAdministration(InboxHealthRepository health, ProviderEventInbox inbox, ProviderReconciliation reconciliation,
			AuditLog audit) {
		this.health = health;
		this.inbox = inbox;
		this.reconciliation = reconciliation;
		this.audit = audit;
	}

	/** One consistent reading of the inbox and of reconciliation's findings. */
	@Transactional(readOnly = true)
	Overview overview(int shown) {
		return new Overview(this.health.health(shown), this.reconciliation.runs(),
				this.reconciliation.recentDrift(shown));
	}

	/**
	 * Tries one event again now, as an admin asked. The request is audited first, in a
	 * transaction of its own: the attempt commits or records its failure in the inbox's
	 * own transactions, and a failed attempt must not erase who asked for it.
	 * @return false when the event was applied already or is being applied
	 */
	boolean retry(long id) {
		this.audit.record("inbox.retry", "provider_event:" + id, Map.of());
		return this.inbox.retry(id);
	}

	record Overview(InboxHealth health, boolean reconciled, List<ReconciliationDrift> drift) {
	}

}
