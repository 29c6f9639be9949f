package org.supporters.membership;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.membership.MembershipRules.CompFacts;
import org.supporters.membership.MembershipRules.PledgeFacts;

import static org.jooq.generated.Tables.COMP;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;
import static org.jooq.generated.Tables.TIER;
import static org.jooq.impl.DSL.lower;

@Repository
class MembershipRepository {

	private final DSLContext db;

	MembershipRepository(DSLContext db) {
		this.db = db;
	}

	Optional<UUID> supporterIdByEmail(String email) {
		return this.db.select(SUPPORTER.ID)
			.from(SUPPORTER)
			.where(lower(SUPPORTER.EMAIL).eq(email.trim().toLowerCase(Locale.ROOT)))
			.fetchOptional(SUPPORTER.ID);
	}

	List<PledgeFacts> pledges(UUID supporterId) {
		return this.db
			.select(PLEDGE.KIND, PLEDGE.STATUS, TIER.SLUG, TIER.BENEFITS, PLEDGE.CREATED_AT, PLEDGE.CURRENT_PERIOD_END,
					PLEDGE.CANCEL_AT_PERIOD_END, PLEDGE.ENDED_REASON)
			.from(PLEDGE)
			.leftJoin(TIER)
			.on(TIER.ID.eq(PLEDGE.TIER_ID))
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.fetch((row) -> new PledgeFacts("recurring".equals(row.value1()), row.value2(), row.value3(),
					(row.value4() != null) ? List.copyOf(Arrays.asList(row.value4())) : List.of(),
					row.value5().toInstant(), instant(row.value6()), row.value7(), row.value8()));
	}

	List<CompFacts> comps(UUID supporterId) {
		return this.db.select(TIER.SLUG, TIER.BENEFITS, COMP.VALID_UNTIL, COMP.REVOKED_AT)
			.from(COMP)
			.join(TIER)
			.on(TIER.ID.eq(COMP.TIER_ID))
			.where(COMP.SUPPORTER_ID.eq(supporterId))
			.fetch((row) -> new CompFacts(row.value1(), List.copyOf(Arrays.asList(row.value2())),
					row.value3().toInstant(), instant(row.value4())));
	}

	UUID insertComp(UUID supporterId, long tierId, Instant validUntil, String reason, Long grantedBy,
			Instant grantedAt) {
		return this.db.insertInto(COMP)
			.set(COMP.SUPPORTER_ID, supporterId)
			.set(COMP.TIER_ID, tierId)
			.set(COMP.VALID_UNTIL, at(validUntil))
			.set(COMP.REASON, reason)
			.set(COMP.GRANTED_BY, grantedBy)
			.set(COMP.GRANTED_AT, at(grantedAt))
			.returning(COMP.ID)
			.fetchSingle()
			.getId();
	}

	/** Revokes the comp if still in force; returns its supporter when it was. */
	Optional<UUID> revokeComp(UUID compId, Long revokedBy, Instant revokedAt) {
		return this.db.update(COMP)
			.set(COMP.REVOKED_AT, at(revokedAt))
			.set(COMP.REVOKED_BY, revokedBy)
			.where(COMP.ID.eq(compId))
			.and(COMP.REVOKED_AT.isNull())
			.returning(COMP.SUPPORTER_ID)
			.fetchOptional(COMP.SUPPORTER_ID);
	}

	boolean supporterExists(UUID supporterId) {
		return this.db.fetchExists(SUPPORTER, SUPPORTER.ID.eq(supporterId));
	}

	boolean compExists(UUID supporterId, UUID compId) {
		return this.db.fetchExists(COMP, COMP.ID.eq(compId).and(COMP.SUPPORTER_ID.eq(supporterId)));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
