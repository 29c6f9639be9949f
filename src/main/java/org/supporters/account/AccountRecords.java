package org.supporters.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.membership.Comp;
import org.supporters.membership.MembershipService;
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

	/** How long a change the ledger has not shown yet is said to be under way. */
	private static final Duration PENDING_FOR = Duration.ofHours(1);

	private final Catalog catalog;

	private final PledgeChangeRepository changes;

	private final AccountText text;

	AccountRecords(Supporters supporters, MembershipService memberships, Catalog catalog,
			PledgeChangeRepository changes, AccountText text) {
		this.text = text;
		this.supporters = supporters;
		this.memberships = memberships;
		this.catalog = catalog;
		this.changes = changes;
	}

	/** The supporter's pledges, as the ledger keeps them. */
	List<Pledge> pledges(UUID supporterId) {
		return this.supporters.pledges(supporterId);
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
					pledge.endedReason(), pledge.cancelReason(), pledge.cancelComment()))
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

	/**
	 * A pledge as the account page lists it, in words.
	 *
	 * @param state where it stands, e.g. "Next payment on 16 January 2027"
	 * @param pending a change the reader asked for that the ledger does not show yet
	 * @param formKey the key of this line's resume form: each form its own
	 */
	record PledgeLine(UUID id, String terms, String state, boolean canChange, boolean canResume,
			PendingChange.Kind pending, UUID formKey) {
	}

	/**
	 * The supporter's pledges, newest first, and what the reader may do with each.
	 * @param providerName the provider now in use: only its pledges can be changed here
	 */
	List<PledgeLine> pledgeLines(UUID supporterId, Instant now, String providerName) {
		List<PendingChange> pending = this.changes.since(supporterId, now.minus(PENDING_FOR));
		return this.supporters.pledges(supporterId).stream().map((pledge) -> {
			String tierSlug = (pledge.tierId() != null)
					? this.catalog.tier(pledge.tierId()).map(Tier::slug).orElse(null) : null;
			PendingChange.Kind waiting = pending.stream()
				.filter((change) -> change.pledgeId().equals(pledge.id()))
				.findFirst()
				.filter((change) -> !change.shownBy(pledge, tierSlug))
				.map(PendingChange::kind)
				.orElse(null);
			boolean here = pledge.provider().code().equals(providerName);
			boolean running = pledge.recurring() && pledge.endedAt() == null;
			return new PledgeLine(pledge.id(), this.text.terms(pledge, this.catalog), state(pledge, now),
					here && running && pledge.status() == PledgeStatus.ACTIVE && !pledge.cancelAtPeriodEnd(),
					here && running && pledge.cancelAtPeriodEnd() && pledge.currentPeriodEnd() != null
							&& pledge.currentPeriodEnd().isAfter(now),
					waiting, UUID.randomUUID());
		}).toList();
	}

	private String state(Pledge pledge, Instant now) {
		if (pledge.endedAt() != null) {
			return this.text.say("account.pledge.ended", this.text.date(pledge.endedAt()),
					this.text.say("account.pledge.ended." + pledge.endedReason().name()));
		}
		if (!pledge.recurring()) {
			return this.text.say("account.pledge.paid", this.text.date(pledge.createdAt()));
		}
		Instant periodEnd = pledge.currentPeriodEnd();
		if (pledge.status() == PledgeStatus.PAST_DUE) {
			return this.text.say("account.pledge.failing");
		}
		if (pledge.cancelAtPeriodEnd()) {
			return (periodEnd != null && periodEnd.isAfter(now))
					? this.text.say("account.pledge.canceled", this.text.date(periodEnd))
					: this.text.say("account.pledge.canceled.now");
		}
		if (periodEnd != null && periodEnd.isAfter(now)) {
			return this.text.say("account.pledge.next", this.text.date(periodEnd));
		}
		// the provider is taking the renewal now: never a date in the past
		return this.text.say("account.pledge.renewing");
	}

}
