package org.supporters.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one function from a supporter's pledges and comps to their membership at a moment.
 * Every way of being a member gives a candidate; the strongest one wins (active, then
 * canceling, comp, grace, contributor), and between equals the one valid longest.
 */
final class MembershipRules {

	private static final List<String> STRENGTH = List.of("contributor", "grace", "comp", "canceling", "active");

	private final Duration grace;

	private final Duration contributorPeriod;

	private final List<String> contributorBenefits;

	private final List<String> ownAmountBenefits;

	MembershipRules(MembershipProperties properties) {
		this.grace = Duration.ofDays(properties.graceDays());
		this.contributorPeriod = Duration.ofDays(properties.contributorDays());
		this.contributorBenefits = List.copyOf(properties.contributorBenefits());
		this.ownAmountBenefits = List.copyOf(properties.ownAmountBenefits());
	}

	Membership derive(List<PledgeFacts> pledges, List<CompFacts> comps, Instant now) {
		List<Membership> candidates = new ArrayList<>();
		pledges.forEach((pledge) -> candidate(pledge, now, candidates));
		comps.stream()
			.filter((comp) -> comp.revokedAt() == null && now.isBefore(comp.validUntil()))
			.forEach((comp) -> candidates
				.add(new Membership(true, "comp", comp.tierSlug(), comp.tierBenefits(), comp.validUntil())));
		return candidates.stream()
			.max(Comparator.comparingInt((Membership m) -> STRENGTH.indexOf(m.status()))
				.thenComparing(Membership::validUntil))
			.orElse(Membership.NONE);
	}

	private void candidate(PledgeFacts pledge, Instant now, List<Membership> candidates) {
		if (!pledge.recurring()) {
			Instant until = pledge.startedAt().plus(this.contributorPeriod);
			if ("paid".equals(pledge.status()) && now.isBefore(until)) {
				candidates.add(new Membership(true, "contributor", null, this.contributorBenefits, until));
			}
			return;
		}
		Instant periodEnd = pledge.currentPeriodEnd();
		List<String> benefits = (pledge.tierSlug() != null) ? pledge.tierBenefits() : this.ownAmountBenefits;
		boolean paidThrough = periodEnd != null && now.isBefore(periodEnd);
		switch (pledge.status()) {
			case "active" -> {
				if (paidThrough) {
					candidates.add(new Membership(true, pledge.cancelAtPeriodEnd() ? "canceling" : "active",
							pledge.tierSlug(), benefits, periodEnd));
				}
			}
			case "past_due" -> {
				// a renewal failed and the provider is retrying: not "active" (nothing
				// paid
				// for the new period), a member in grace until some days after period end
				Instant graceEnd = (periodEnd != null) ? periodEnd.plus(this.grace) : null;
				if (graceEnd != null && now.isBefore(graceEnd)) {
					candidates.add(new Membership(true, "grace", pledge.tierSlug(), benefits, graceEnd));
				}
			}
			case "canceled" -> {
				// a reader who canceled keeps what they paid for; money taken back ends
				// it at once
				if (paidThrough && "canceled".equals(pledge.endedReason())) {
					candidates.add(new Membership(true, "canceling", pledge.tierSlug(), benefits, periodEnd));
				}
			}
			default -> {
			}
		}
	}

	/** What the rules need of a pledge. */
	record PledgeFacts(boolean recurring, String status, String tierSlug, List<String> tierBenefits, Instant startedAt,
			Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String endedReason) {
	}

	/** What the rules need of a comp. */
	record CompFacts(String tierSlug, List<String> tierBenefits, Instant validUntil, Instant revokedAt) {
	}

}
