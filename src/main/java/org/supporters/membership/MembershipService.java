package org.supporters.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.membership.MembershipRules.CompFacts;
import org.supporters.membership.MembershipRules.PledgeFacts;
import org.supporters.staff.AuditLog;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.Supporters;

/** Memberships for other modules: derived on demand, and comps granted by staff. */
@Service
public class MembershipService {

	private final MembershipRepository repository;

	private final Supporters supporters;

	private final MembershipRules rules;

	private final Catalog catalog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	MembershipService(MembershipRepository repository, Supporters supporters, MembershipProperties properties,
			Catalog catalog, Clock clock, ApplicationEventPublisher events, AuditLog audit) {
		this.events = events;
		this.audit = audit;
		this.repository = repository;
		this.supporters = supporters;
		this.rules = new MembershipRules(properties);
		this.catalog = catalog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Membership membershipOf(UUID supporterId) {
		return membershipAt(supporterId, this.clock.instant());
	}

	/**
	 * The membership the supporter will have at that moment if nothing changes meanwhile
	 * (no renewal, no new pledge): what still lasts then.
	 */
	@Transactional(readOnly = true)
	public Membership membershipAt(UUID supporterId, Instant at) {
		List<PledgeFacts> pledges = this.supporters.pledges(supporterId).stream().map(this::facts).toList();
		List<CompFacts> comps = this.repository.comps(supporterId).stream().map(this::facts).toList();
		return this.rules.derive(pledges, comps, at);
	}

	private PledgeFacts facts(Pledge pledge) {
		Optional<Tier> tier = (pledge.tierId() != null) ? this.catalog.tier(pledge.tierId()) : Optional.empty();
		return new PledgeFacts(pledge.recurring(), pledge.status(), tier.map(Tier::slug).orElse(null),
				tier.map(Tier::benefits).orElse(List.of()), pledge.createdAt(), pledge.currentPeriodEnd(),
				pledge.cancelAtPeriodEnd(), pledge.endedReason(), pledge.nextRetryAt());
	}

	private CompFacts facts(Comp comp) {
		Tier tier = this.catalog.tier(comp.tierId()).orElseThrow();
		return new CompFacts(tier.slug(), tier.benefits(), comp.validUntil(), comp.revokedAt());
	}

	/** The memberships staff granted the supporter, newest first. */
	@Transactional(readOnly = true)
	public List<Comp> comps(UUID supporterId) {
		return this.repository.comps(supporterId);
	}

	/** Comps in force that end after {@code after} and not after {@code until}. */
	@Transactional(readOnly = true)
	public List<EndingComp> compsEndingBetween(Instant after, Instant until) {
		return this.repository.compsEndingBetween(after, until);
	}

	/**
	 * The membership of the supporter with this email (in any letter case); empty when
	 * there is none.
	 */
	@Transactional(readOnly = true)
	public Optional<Membership> membershipOfEmail(String email) {
		return this.supporters.idOf(email).map(this::membershipOf);
	}

	/** The supporter with this email (in any letter case), if any. */
	@Transactional(readOnly = true)
	public Optional<UUID> supporterIdOf(String email) {
		return this.supporters.idOf(email);
	}

	/** Whether there is a supporter with this id, to give comps to. */
	@Transactional(readOnly = true)
	boolean isSupporter(UUID supporterId) {
		return this.supporters.supporter(supporterId).isPresent();
	}

	/** Whether this comp, revoked or not, was given to this supporter. */
	@Transactional(readOnly = true)
	boolean hasComp(UUID supporterId, UUID compId) {
		return this.repository.compExists(supporterId, compId);
	}

	/**
	 * Grants a tier until a date, by a staff member, with a reason; audited with the
	 * grant.
	 * @return the comp's id
	 * @throws IllegalArgumentException when the tier does not exist or the date has
	 * passed
	 */
	@Transactional
	public UUID grantComp(UUID supporterId, String tierSlug, Instant validUntil, String reason, Long staffUserId) {
		Tier tier = this.catalog.tier(tierSlug).orElseThrow(() -> new IllegalArgumentException("No tier " + tierSlug));
		Instant now = this.clock.instant();
		if (!validUntil.isAfter(now)) {
			throw new IllegalArgumentException("A comp must end in the future");
		}
		UUID compId = this.repository.insertComp(supporterId, tier.id(), validUntil, reason, staffUserId, now);
		this.audit.record("comp.grant", "supporter:" + supporterId, Map.of("comp", compId.toString(), "tier",
				tier.slug(), "until", validUntil.toString(), "reason", reason));
		this.events.publishEvent(new CompsChanged(supporterId));
		return compId;
	}

	/**
	 * Grants many comps at once (an import), in the caller's transaction, which audits
	 * them as one change. Each must end after now, and each supporter gets at most one.
	 * @return the new comps' ids by supporter id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<UUID, UUID> grantComps(List<CompGrant> grants, Long staffUserId) {
		Instant now = this.clock.instant();
		for (CompGrant grant : grants) {
			if (!grant.validUntil().isAfter(now)) {
				throw new IllegalArgumentException("A comp must end in the future");
			}
		}
		return grants.isEmpty() ? Map.of() : this.repository.insertComps(grants, staffUserId, now);
	}

	/**
	 * Moves the end of comps still in force to new dates (a newer import says the
	 * supporter paid through another date), in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void moveCompEnds(Map<UUID, Instant> ends) {
		if (!ends.isEmpty()) {
			this.repository.moveCompEnds(ends)
				.forEach((supporterId) -> this.events.publishEvent(new CompsChanged(supporterId)));
		}
	}

	/**
	 * Ends a comp now, audited; false when it was already revoked or does not exist.
	 */
	@Transactional
	public boolean revokeComp(UUID compId, Long staffUserId) {
		Optional<UUID> supporterId = this.repository.revokeComp(compId, staffUserId, this.clock.instant());
		supporterId.ifPresent((id) -> {
			this.audit.record("comp.revoke", "supporter:" + id, Map.of("comp", compId.toString()));
			this.events.publishEvent(new CompsChanged(id));
		});
		return supporterId.isPresent();
	}

	/**
	 * A supporter's comps changed: this instance forgets their cached membership once the
	 * change commits.
	 */
	public record CompsChanged(UUID supporterId) {
	}

}
