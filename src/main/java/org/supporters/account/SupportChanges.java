package org.supporters.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.payment.ChangePreview;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.PledgeTerms;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.Supporters;

/**
 * A reader's own changes to a recurring pledge, made at the provider and heard back
 * through the inbox. Each is recorded under its form's key before the provider is asked,
 * so that a second submission of the same form asks nothing; when the provider refuses or
 * fails, the record goes and nothing was changed.
 */
@Service
class SupportChanges {

	private final Supporters supporters;

	private final PledgeChangeRepository changes;

	private final PaymentProvider provider;

	private final Catalog catalog;

	private final Clock clock;

	SupportChanges(Supporters supporters, PledgeChangeRepository changes, PaymentProvider provider, Catalog catalog,
			Clock clock) {
		this.supporters = supporters;
		this.changes = changes;
		this.provider = provider;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * The reader's recurring pledge at this provider; empty for anyone else's, and for
	 * one that does not exist, alike.
	 */
	Optional<Pledge> recurringPledge(UUID supporterId, UUID pledgeId) {
		return this.supporters.pledges(supporterId)
			.stream()
			.filter((pledge) -> pledge.id().equals(pledgeId) && pledge.recurring()
					&& pledge.provider().code().equals(this.provider.name()))
			.findFirst();
	}

	String tierSlug(Pledge pledge) {
		return (pledge.tierId() != null) ? this.catalog.tier(pledge.tierId()).map(Tier::slug).orElse(null) : null;
	}

	/**
	 * Whether this form was sent before: its second submission (a double click) is
	 * answered with the account page, whatever the first one's outcome.
	 */
	boolean alreadyAsked(UUID supporterId, UUID key) {
		return key != null && this.changes.exists(key, supporterId);
	}

	ChangePreview preview(UUID supporterId, Pledge pledge, PledgeTerms terms) {
		return this.provider.previewChange(email(supporterId), pledge.providerRef(), terms);
	}

	/**
	 * @return false when this form was sent before: nothing more was asked
	 */
	boolean change(UUID supporterId, Pledge pledge, PledgeTerms terms, UUID key) {
		if (!this.changes.insert(key, supporterId, pledge.id(), PendingChange.Kind.CHANGE, terms.tierSlug(),
				terms.amount(), terms.interval(), this.clock.instant())) {
			return false;
		}
		undoOnFailure(key,
				() -> this.provider.changePledge(email(supporterId), pledge.providerRef(), terms, key.toString()));
		return true;
	}

	boolean cancel(UUID supporterId, Pledge pledge, CancelReason reason, String comment, UUID key) {
		if (!this.changes.insert(key, supporterId, pledge.id(), PendingChange.Kind.CANCEL, null, null, null,
				this.clock.instant())) {
			return false;
		}
		undoOnFailure(key, () -> this.provider.cancelPledge(email(supporterId), pledge.providerRef(), reason, comment,
				key.toString()));
		return true;
	}

	boolean resume(UUID supporterId, Pledge pledge, UUID key) {
		if (!this.changes.insert(key, supporterId, pledge.id(), PendingChange.Kind.RESUME, null, null, null,
				this.clock.instant())) {
			return false;
		}
		undoOnFailure(key, () -> this.provider.resumePledge(email(supporterId), pledge.providerRef(), key.toString()));
		return true;
	}

	private void undoOnFailure(UUID key, Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			this.changes.delete(key);
			throw ex;
		}
	}

	private String email(UUID supporterId) {
		return this.supporters.supporter(supporterId).orElseThrow().email();
	}

}
