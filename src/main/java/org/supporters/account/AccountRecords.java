package org.supporters.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.membership.Comp;
import org.supporters.membership.MembershipService;
import org.supporters.supporter.EndedReason;
import org.supporters.supporter.Payment;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.Supporter;
import org.supporters.supporter.Supporters;

/**
 * What the account page and the reader's data export show, read through the ledger's and
 * membership's own APIs.
 */
@Component
class AccountRecords {

	private final Supporters supporters;

	private final MembershipService memberships;

	private final Catalog catalog;

	AccountRecords(Supporters supporters, MembershipService memberships, Catalog catalog) {
		this.supporters = supporters;
		this.memberships = memberships;
		this.catalog = catalog;
	}

	Optional<String> email(UUID supporterId) {
		return this.supporters.supporter(supporterId).map(Supporter::email);
	}

	/** Who the supporter is, unless they were erased. */
	Optional<PersonalData.Person> person(UUID supporterId) {
		return this.supporters.supporter(supporterId)
			.filter((supporter) -> supporter.erasedAt() == null)
			.map((supporter) -> new PersonalData.Person(supporter.id(), supporter.email(), supporter.name(),
					supporter.joined()));
	}

	/** Everything about the supporter's pledges, newest first. */
	List<PersonalData.PledgeRecord> pledgeRecords(UUID supporterId) {
		return this.supporters.pledges(supporterId)
			.stream()
			.map((pledge) -> new PersonalData.PledgeRecord(pledge.id(), pledge.kind(), tierName(pledge.tierId()),
					pledge.amount().minor(), pledge.amount().currency().getCurrencyCode(),
					(pledge.interval() != null) ? pledge.interval().code() : null, pledge.status(), pledge.provider(),
					pledge.createdAt(), pledge.currentPeriodEnd(), pledge.cancelAtPeriodEnd(), pledge.endedAt(),
					pledge.endedReason()))
			.toList();
	}

	/** Every payment of the supporter's pledges, oldest first. */
	List<PersonalData.PaymentRecord> paymentRecords(UUID supporterId) {
		return this.supporters.payments(supporterId)
			.stream()
			.sorted(Comparator.comparing(Payment::occurredAt).thenComparing(Payment::id))
			.map((payment) -> new PersonalData.PaymentRecord(payment.pledgeId(), payment.amount().minor(),
					payment.amount().currency().getCurrencyCode(), payment.status(), payment.refunded().minor(),
					payment.provider(), payment.occurredAt()))
			.toList();
	}

	/**
	 * Memberships staff gave the supporter, oldest first; staff's reasons are their own
	 * notes.
	 */
	List<PersonalData.CompRecord> compRecords(UUID supporterId) {
		return this.memberships.comps(supporterId)
			.stream()
			.sorted(Comparator.comparing(Comp::grantedAt))
			.map((comp) -> new PersonalData.CompRecord(tierName(comp.tierId()), comp.grantedAt(), comp.validUntil(),
					comp.revokedAt()))
			.toList();
	}

	/** Whether a recurring pledge of the supporter will be charged again. */
	boolean hasPledgeStillCharging(UUID supporterId) {
		return this.supporters.pledges(supporterId).stream().anyMatch(Pledge::stillCharging);
	}

	private String tierName(Long tierId) {
		return (tierId != null) ? this.catalog.tier(tierId).map(Tier::name).orElse(null) : null;
	}

	/** A pledge as the account page lists it. */
	record PledgeLine(boolean recurring, String tierName, String amount, BillingInterval interval, PledgeStatus status,
			EndedReason endedReason, Instant periodEnd, boolean cancelAtPeriodEnd, Instant startedAt) {

		public boolean ended() {
			return this.endedReason != null;
		}

	}

	List<PledgeLine> pledgeLines(UUID supporterId) {
		return this.supporters.pledges(supporterId)
			.stream()
			.map((pledge) -> new PledgeLine(pledge.recurring(), tierName(pledge.tierId()), pledge.amount().formatted(),
					pledge.interval(), pledge.status(), pledge.endedReason(), pledge.currentPeriodEnd(),
					pledge.cancelAtPeriodEnd(), pledge.createdAt()))
			.toList();
	}

}
