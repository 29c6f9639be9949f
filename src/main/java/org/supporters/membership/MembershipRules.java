package org.supporters.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.supporters.supporter.EndedReason;
import org.supporters.supporter.PledgeStatus;

/**
 * The one function from a supporter's pledges and comps to their membership at a moment.
 * Every way of being a member gives a candidate; the strongest one wins (active, then
 * canceling, comp, grace, contributor), and between equals the one valid longest.
 */
final class MembershipRules {

	private final CurrentSupporters current;

	private final List<String> contributorBenefits;

	private final List<String> ownAmountBenefits;

	MembershipRules(MembershipProperties properties) {
		this.current = new CurrentSupporters(properties);
		this.contributorBenefits = List.copyOf(properties.contributorBenefits());
		this.ownAmountBenefits = List.copyOf(properties.ownAmountBenefits());
	}

	Membership derive(List<PledgeFacts> pledges, List<CompFacts> comps, Instant now) {
		List<Membership> candidates = new ArrayList<>();
		pledges.forEach((pledge) -> candidate(pledge, now, candidates));
		comps.stream()
			.filter((comp) -> comp.revokedAt() == null && now.isBefore(comp.validUntil()))
			.forEach((comp) -> candidates.add(new Membership(true, MembershipStatus.COMP, comp.tierSlug(),
					comp.tierBenefits(), comp.validUntil())));
		return candidates.stream()
			.max(Comparator.comparing(Membership::status).thenComparing(Membership::validUntil))
			.orElse(Membership.NONE);
	}

	private void candidate(PledgeFacts pledge, Instant now, List<Membership> candidates) {
		if (!pledge.recurring()) {
			// counted from when the reader paid, however late the provider's event came
			Instant until = this.current.contributorUntil(pledge.startedAt());
			if (pledge.status() == PledgeStatus.PAID && now.isBefore(until)) {
				candidates
					.add(new Membership(true, MembershipStatus.CONTRIBUTOR, null, this.contributorBenefits, until));
			}
			return;
		}
		Instant periodEnd = pledge.currentPeriodEnd();
		List<String> benefits = (pledge.tierSlug() != null) ? pledge.tierBenefits() : this.ownAmountBenefits;
		Instant currentUntil = this.current.currentUntil(pledge.status(), periodEnd, pledge.nextRetryAt());
		if (currentUntil != null && now.isBefore(currentUntil)) {
			MembershipStatus status = switch (pledge.status()) {
				// a renewal failed and the provider is retrying: a member in grace, as
				// nothing is paid for the new period yet, for as long as the rule says
				case PAST_DUE -> MembershipStatus.GRACE;
				default -> pledge.cancelAtPeriodEnd() ? MembershipStatus.CANCELING : MembershipStatus.ACTIVE;
			};
			candidates.add(new Membership(true, status, pledge.tierSlug(), benefits, currentUntil));
		}
		// a reader who canceled keeps what they paid for; money taken back ends it at
		// once
		else if (pledge.status() == PledgeStatus.CANCELED && pledge.endedReason() == EndedReason.CANCELED
				&& periodEnd != null && now.isBefore(periodEnd)) {
			candidates.add(new Membership(true, MembershipStatus.CANCELING, pledge.tierSlug(), benefits, periodEnd));
		}
	}

	/**
	 * What the rules need of a pledge.
	 *
	 * @param nextRetryAt when the provider retries a failed renewal next, or {@code null}
	 */
	record PledgeFacts(boolean recurring, PledgeStatus status, String tierSlug, List<String> tierBenefits,
			Instant startedAt, Instant currentPeriodEnd, boolean cancelAtPeriodEnd, EndedReason endedReason,
			Instant nextRetryAt) {
	}

	/** What the rules need of a comp. */
	record CompFacts(String tierSlug, List<String> tierBenefits, Instant validUntil, Instant revokedAt) {
	}

}
