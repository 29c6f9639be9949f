package org.supporters.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.platform.ReaderErased;
import org.supporters.supporter.CancelReason;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.Provider;

/**
 * A reader's rights over their data: a copy of everything held about them, and erasure.
 * Erasing replaces their email with a pseudonym and removes their name everywhere (every
 * module does its part on {@link ReaderErased}, in this transaction); pledges and
 * payments stay, for the books, under the pseudonym.
 */
@Service
class PersonalData {

	private final AccountRecords accounts;

	private final SignInRepository signIns;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PersonalData(AccountRecords accounts, SignInRepository signIns, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.signIns = signIns;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Optional<Export> export(UUID supporterId) {
		return this.accounts.person(supporterId)
			.map((person) -> new Export(this.clock.instant(), person, this.accounts.pledgeRecords(supporterId),
					this.accounts.paymentRecords(supporterId), this.accounts.compRecords(supporterId)));
	}

	/**
	 * Erases the supporter's personal data, unless a recurring pledge would still be
	 * charged: that must be canceled at the provider first, or it would go on charging a
	 * card nobody can sign in for.
	 */
	@Transactional
	Erasure erase(UUID supporterId) {
		Optional<Person> person = this.accounts.person(supporterId);
		if (person.isEmpty()) {
			return Erasure.ERASED;
		}
		if (this.accounts.hasPledgeStillCharging(supporterId)) {
			return Erasure.CANCEL_PLEDGE_FIRST;
		}
		String email = person.get().email();
		this.signIns.deleteFor(email);
		this.events.publishEvent(new ReaderErased(supporterId, email, person.get().name(),
				ReaderErased.pseudonymOf(supporterId), this.clock.instant()));
		return Erasure.ERASED;
	}

	enum Erasure {

		ERASED, CANCEL_PLEDGE_FIRST

	}

	/** The reader's copy of their data, as JSON. */
	record Export(Instant exportedAt, Person supporter, List<PledgeRecord> pledges, List<PaymentRecord> payments,
			List<CompRecord> comps) {
	}

	record Person(UUID id, String email, String name, Instant createdAt) {
	}

	record PledgeRecord(UUID id, PledgeKind kind, String tier, long amountMinor, String currency,
			String billingInterval, PledgeStatus status, Provider provider, Instant createdAt, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, Instant endedAt, EndedReason endedReason, CancelReason cancelReason,
			String cancelComment) {
	}

	record PaymentRecord(UUID pledgeId, long amountMinor, String currency, PaymentStatus status, long refundedMinor,
			Provider provider, Instant occurredAt) {
	}

	record CompRecord(String tier, Instant grantedAt, Instant validUntil, Instant revokedAt) {
	}

}
