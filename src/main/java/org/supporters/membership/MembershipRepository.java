package org.supporters.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.COMP;

@Repository
class MembershipRepository {

	private final DSLContext db;

	MembershipRepository(DSLContext db) {
		this.db = db;
	}

	/** The supporter's comps, newest first. */
	List<Comp> comps(UUID supporterId) {
		return this.db.selectFrom(COMP)
			.where(COMP.SUPPORTER_ID.eq(supporterId))
			.orderBy(COMP.GRANTED_AT.desc())
			.fetch((row) -> new Comp(row.getId(), row.getTierId(), row.getValidUntil(), row.getReason(),
					row.getGrantedAt(), row.getRevokedAt()));
	}

	List<EndingComp> compsEndingBetween(Instant after, Instant until) {
		return this.db.selectFrom(COMP)
			.where(COMP.REVOKED_AT.isNull())
			.and(COMP.VALID_UNTIL.gt(after))
			.and(COMP.VALID_UNTIL.le(until))
			.orderBy(COMP.VALID_UNTIL, COMP.ID)
			.fetch((row) -> new EndingComp(row.getSupporterId(), new Comp(row.getId(), row.getTierId(),
					row.getValidUntil(), row.getReason(), row.getGrantedAt(), row.getRevokedAt())));
	}

	UUID insertComp(UUID supporterId, long tierId, Instant validUntil, String reason, Long grantedBy,
			Instant grantedAt) {
		return this.db.insertInto(COMP)
			.set(COMP.SUPPORTER_ID, supporterId)
			.set(COMP.TIER_ID, tierId)
			.set(COMP.VALID_UNTIL, validUntil)
			.set(COMP.REASON, reason)
			.set(COMP.GRANTED_BY, grantedBy)
			.set(COMP.GRANTED_AT, grantedAt)
			.returning(COMP.ID)
			.fetchSingle()
			.getId();
	}

	/** Revokes the comp if still in force; returns its supporter when it was. */
	Optional<UUID> revokeComp(UUID compId, Long revokedBy, Instant revokedAt) {
		return this.db.update(COMP)
			.set(COMP.REVOKED_AT, revokedAt)
			.set(COMP.REVOKED_BY, revokedBy)
			.where(COMP.ID.eq(compId))
			.and(COMP.REVOKED_AT.isNull())
			.returning(COMP.SUPPORTER_ID)
			.fetchOptional(COMP.SUPPORTER_ID);
	}

	boolean compExists(UUID supporterId, UUID compId) {
		return this.db.fetchExists(COMP, COMP.ID.eq(compId).and(COMP.SUPPORTER_ID.eq(supporterId)));
	}

}
