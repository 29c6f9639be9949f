package org.supporters.supporter;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.BillingInterval;

/** What other modules may read of the ledger: a supporter, their pledges and payments. */
@Service
@Transactional(readOnly = true)
public class Supporters {

	private final LedgerReadRepository repository;

	private final SupporterImportRepository imports;

	Supporters(LedgerReadRepository repository, SupporterImportRepository imports) {
		this.repository = repository;
		this.imports = imports;
	}

	public Optional<Supporter> supporter(UUID id) {
		return this.repository.supporter(id);
	}

	/** The supporter with this email, in any letter case. */
	public Optional<UUID> idOf(String email) {
		return this.repository.idOf(email);
	}

	/** The ids of the supporters with these emails, by email in lower case. */
	public Map<String, UUID> idsOf(Collection<String> emails) {
		return emails.isEmpty() ? Map.of() : this.imports.idsOf(emails);
	}

	/** Where an imported supporter came from; empty for one who started here. */
	public Optional<SupporterOrigin> origin(UUID supporterId) {
		return this.imports.origin(supporterId);
	}

	/** The supporter's pledges, newest first. */
	public List<Pledge> pledges(UUID supporterId) {
		return this.repository.pledges(supporterId);
	}

	public Optional<Pledge> pledge(UUID pledgeId) {
		return this.repository.pledge(pledgeId);
	}

	/**
	 * Recurring pledges of this interval that will charge again at a period end after
	 * {@code after} and not after {@code until}: active, and not canceled.
	 */
	public List<Pledge> renewingBetween(BillingInterval interval, Instant after, Instant until) {
		return this.repository.renewingBetween(interval, after, until);
	}

	/**
	 * One-off contributions, not refunded, paid after {@code after} and not after
	 * {@code until}.
	 */
	public List<Pledge> oneOffsPaidBetween(Instant after, Instant until) {
		return this.repository.oneOffsPaidBetween(after, until);
	}

	/** The payments of the supporter's pledges, newest first. */
	public List<Payment> payments(UUID supporterId) {
		return this.repository.payments(supporterId);
	}

}
