package org.supporters.supporter;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;

import static org.jooq.generated.Tables.SUPPORTER_ORIGIN;
import static org.jooq.impl.DSL.val;

/**
 * Writes imported supporters and their origins. Each statement takes all rows at once as
 * arrays ({@code unnest}): one round trip for a hundred thousand supporters.
 */
@Repository
class SupporterImportRepository {

	private final DSLContext db;

	SupporterImportRepository(DSLContext db) {
		this.db = db;
	}

	void insertMissing(List<ImportedSupporter> supporters, Instant at) {
		String[] emails = supporters.stream().map(ImportedSupporter::email).toArray(String[]::new);
		String[] names = supporters.stream().map(ImportedSupporter::name).toArray(String[]::new);
		this.db.execute("""
				insert into supporter (email, name, created_at)
				select e, n, {2} from unnest({0}::text[], {1}::text[]) as s (e, n)
				on conflict (lower(email)) do nothing""", val(emails), val(names), val(at));
	}

	/**
	 * The ids of the supporters with these emails, by email in lower case: a join, which
	 * stays a hash or index join for a hundred thousand emails, where {@code = any} would
	 * compare each row with the whole array.
	 */
	Map<String, UUID> idsOf(Collection<String> emails) {
		String[] lower = emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).toArray(String[]::new);
		Map<String, UUID> ids = new HashMap<>();
		this.db.resultQuery("""
				select s.id, lower(s.email) from unnest({0}::text[]) as e (email)
				join supporter s on lower(s.email) = e.email""", val(lower))
			.fetch()
			.forEach((row) -> ids.put(row.get(1, String.class), row.get(0, UUID.class)));
		return ids;
	}

	void upsertOrigins(List<ImportedSupporter> supporters, Map<String, UUID> ids, Instant at) {
		int size = supporters.size();
		UUID[] supporterIds = new UUID[size];
		String[] sources = new String[size];
		String[] since = new String[size];
		Long[] lifetime = new Long[size];
		String[] tiers = new String[size];
		Long[] amounts = new Long[size];
		String[] currencies = new String[size];
		String[] intervals = new String[size];
		String[] notes = new String[size];
		for (int i = 0; i < size; i++) {
			ImportedSupporter supporter = supporters.get(i);
			SupporterOrigin origin = supporter.origin();
			supporterIds[i] = ids.get(supporter.email().toLowerCase(Locale.ROOT));
			sources[i] = origin.source().code();
			since[i] = (origin.since() != null) ? origin.since().toString() : null;
			lifetime[i] = (origin.lifetime() != null) ? origin.lifetime().minor() : null;
			tiers[i] = origin.externalTier();
			Money amount = (origin.amount() != null) ? origin.amount() : origin.lifetime();
			amounts[i] = (origin.amount() != null) ? origin.amount().minor() : null;
			currencies[i] = (amount != null) ? amount.currency().getCurrencyCode() : null;
			intervals[i] = (origin.interval() != null) ? origin.interval().code() : null;
			notes[i] = origin.note();
		}
		this.db.execute("""
				insert into supporter_origin (supporter_id, source, supporting_since, lifetime_minor, external_tier,
				    amount_minor, currency, billing_interval, note, imported_at, updated_at)
				select id, src, since::timestamptz, lifetime, tier, amount, cur, intv, note, {9}, {9}
				from unnest({0}::uuid[], {1}::text[], {2}::text[], {3}::bigint[], {4}::text[], {5}::bigint[],
				            {6}::text[], {7}::text[], {8}::text[])
				     as o (id, src, since, lifetime, tier, amount, cur, intv, note)
				on conflict (supporter_id) do update set
				    source = excluded.source, supporting_since = excluded.supporting_since,
				    lifetime_minor = excluded.lifetime_minor, external_tier = excluded.external_tier,
				    amount_minor = excluded.amount_minor, currency = excluded.currency,
				    billing_interval = excluded.billing_interval, note = excluded.note, updated_at = excluded.updated_at
				where (supporter_origin.source, supporter_origin.supporting_since, supporter_origin.lifetime_minor,
				       supporter_origin.external_tier, supporter_origin.amount_minor, supporter_origin.currency,
				       supporter_origin.billing_interval, supporter_origin.note)
				      is distinct from
				      (excluded.source, excluded.supporting_since, excluded.lifetime_minor, excluded.external_tier,
				       excluded.amount_minor, excluded.currency, excluded.billing_interval, excluded.note)""",
				val(supporterIds), val(sources), val(since), val(lifetime), val(tiers), val(amounts), val(currencies),
				val(intervals), val(notes), val(at));
	}

	Optional<SupporterOrigin> origin(UUID supporterId) {
		return this.db.selectFrom(SUPPORTER_ORIGIN)
			.where(SUPPORTER_ORIGIN.SUPPORTER_ID.eq(supporterId))
			.fetchOptional((row) -> {
				String currency = row.getCurrency();
				return new SupporterOrigin(SupporterSource.of(row.getSource()), row.getSupportingSince(),
						(row.getLifetimeMinor() != null && currency != null)
								? Money.of(row.getLifetimeMinor(), currency) : null,
						row.getExternalTier(),
						(row.getAmountMinor() != null && currency != null) ? Money.of(row.getAmountMinor(), currency)
								: null,
						(row.getBillingInterval() != null) ? BillingInterval.fromCode(row.getBillingInterval()) : null,
						row.getNote(), row.getImportedAt(), row.getUpdatedAt());
			});
	}

	void eraseNote(UUID supporterId) {
		this.db.update(SUPPORTER_ORIGIN)
			.setNull(SUPPORTER_ORIGIN.NOTE)
			.where(SUPPORTER_ORIGIN.SUPPORTER_ID.eq(supporterId))
			.execute();
	}

}
