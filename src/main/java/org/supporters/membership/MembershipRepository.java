package org.supporters.membership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.COMP;
import static org.jooq.impl.DSL.val;

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

	/** Many comps in one statement, at most one per supporter; ids by supporter. */
	Map<UUID, UUID> insertComps(List<CompGrant> grants, Long grantedBy, Instant grantedAt) {
		int size = grants.size();
		UUID[] supporters = new UUID[size];
		Long[] tiers = new Long[size];
		String[] until = new String[size];
		String[] reasons = new String[size];
		for (int i = 0; i < size; i++) {
			CompGrant grant = grants.get(i);
			supporters[i] = grant.supporterId();
			tiers[i] = grant.tierId();
			until[i] = grant.validUntil().toString();
			reasons[i] = grant.reason();
		}
		return this.db
			.resultQuery("""
					insert into comp (supporter_id, tier_id, valid_until, reason, granted_by, granted_at)
					select s, t, u::timestamptz, r, {4}, {5}
					from unnest({0}::uuid[], {1}::bigint[], {2}::text[], {3}::text[]) as g (s, t, u, r)
					returning supporter_id, id""", val(supporters), val(tiers), val(until), val(reasons),
					val(grantedBy, Long.class), val(grantedAt))
			.fetchMap((row) -> row.get(0, UUID.class), (row) -> row.get(1, UUID.class));
	}

	/** Moves the end of the comps still in force; returns their supporters. */
	List<UUID> moveCompEnds(Map<UUID, Instant> ends) {
		UUID[] ids = ends.keySet().toArray(UUID[]::new);
		String[] until = ends.keySet().stream().map((id) -> ends.get(id).toString()).toArray(String[]::new);
		return this.db.resultQuery("""
				update comp set valid_until = m.u::timestamptz
				from unnest({0}::uuid[], {1}::text[]) as m (id, u)
				where comp.id = m.id and comp.revoked_at is null and m.u::timestamptz > comp.granted_at
				  and comp.valid_until is distinct from m.u::timestamptz
				returning comp.supporter_id""", val(ids), val(until)).fetch((row) -> row.get(0, UUID.class));
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
