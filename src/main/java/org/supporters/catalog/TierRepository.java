package org.supporters.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static org.jooq.generated.Tables.TIER;
import static org.jooq.generated.Tables.TIER_PRICE;

@Repository
class TierRepository {

	private final DSLContext db;

	TierRepository(DSLContext db) {
		this.db = db;
	}

	/** Serialises first-start seeding across instances until the transaction ends. */
	void lockForSeeding() {
		this.db.select(DSL.field("pg_advisory_xact_lock(hashtext('supporters.catalog.seed'))")).fetch();
	}

	boolean isEmpty() {
		return !this.db.fetchExists(TIER);
	}

	List<Tier> findActive() {
		return tiers(this.db.select()
			.from(TIER)
			.leftJoin(TIER_PRICE)
			.on(TIER_PRICE.TIER_ID.eq(TIER.ID))
			.where(TIER.ACTIVE)
			.orderBy(TIER.POSITION, TIER.ID)
			.fetch());
	}

	/** Every tier, offered or retired, in display order. */
	List<Tier> findAll() {
		return tiers(this.db.select()
			.from(TIER)
			.leftJoin(TIER_PRICE)
			.on(TIER_PRICE.TIER_ID.eq(TIER.ID))
			.orderBy(TIER.POSITION, TIER.ID)
			.fetch());
	}

	int nextPosition() {
		Integer last = this.db.select(DSL.max(TIER.POSITION)).from(TIER).fetchOne(0, Integer.class);
		return (last != null) ? last + 1 : 0;
	}

	void update(long id, String name, String description, List<String> benefits) {
		this.db.update(TIER)
			.set(TIER.NAME, name)
			.set(TIER.DESCRIPTION, description)
			.set(TIER.BENEFITS, benefits.toArray(String[]::new))
			.where(TIER.ID.eq(id))
			.execute();
	}

	void setPrice(long id, BillingInterval interval, Money price) {
		this.db.insertInto(TIER_PRICE)
			.set(TIER_PRICE.TIER_ID, id)
			.set(TIER_PRICE.CURRENCY, price.currency().getCurrencyCode())
			.set(TIER_PRICE.BILLING_INTERVAL, interval.code())
			.set(TIER_PRICE.AMOUNT_MINOR, price.minor())
			.onConflict(TIER_PRICE.TIER_ID, TIER_PRICE.CURRENCY, TIER_PRICE.BILLING_INTERVAL)
			.doUpdate()
			.set(TIER_PRICE.AMOUNT_MINOR, price.minor())
			.execute();
	}

	/** The tier is no longer sold in this currency; pledges made in it go on. */
	void removePrices(long id, String currency) {
		this.db.deleteFrom(TIER_PRICE).where(TIER_PRICE.TIER_ID.eq(id).and(TIER_PRICE.CURRENCY.eq(currency))).execute();
	}

	void setActive(long id, boolean active) {
		this.db.update(TIER).set(TIER.ACTIVE, active).where(TIER.ID.eq(id)).execute();
	}

	void setPosition(long id, int position) {
		this.db.update(TIER).set(TIER.POSITION, position).where(TIER.ID.eq(id)).execute();
	}

	Optional<Tier> findBySlug(String slug) {
		return tiers(this.db.select()
			.from(TIER)
			.leftJoin(TIER_PRICE)
			.on(TIER_PRICE.TIER_ID.eq(TIER.ID))
			.where(TIER.SLUG.eq(slug))
			.fetch()).stream().findFirst();
	}

	Optional<Tier> findById(long id) {
		return tiers(this.db.select()
			.from(TIER)
			.leftJoin(TIER_PRICE)
			.on(TIER_PRICE.TIER_ID.eq(TIER.ID))
			.where(TIER.ID.eq(id))
			.fetch()).stream().findFirst();
	}

	@Transactional
	long insert(NewTier tier) {
		long id = this.db.insertInto(TIER)
			.set(TIER.SLUG, tier.slug())
			.set(TIER.NAME, tier.name())
			.set(TIER.DESCRIPTION, tier.description())
			.set(TIER.BENEFITS, tier.benefits().toArray(String[]::new))
			.set(TIER.POSITION, tier.position())
			.returning(TIER.ID)
			.fetchOne(TIER.ID);
		tier.prices()
			.forEach((price) -> this.db.insertInto(TIER_PRICE)
				.set(TIER_PRICE.TIER_ID, id)
				.set(TIER_PRICE.CURRENCY, price.money().currency().getCurrencyCode())
				.set(TIER_PRICE.BILLING_INTERVAL, price.interval().code())
				.set(TIER_PRICE.AMOUNT_MINOR, price.money().minor())
				.execute());
		return id;
	}

	private static List<Tier> tiers(Result<Record> rows) {
		Map<Long, List<Record>> byTier = new LinkedHashMap<>();
		rows.forEach((row) -> byTier.computeIfAbsent(row.get(TIER.ID), (id) -> new ArrayList<>()).add(row));
		return byTier.values().stream().map(TierRepository::tier).toList();
	}

	private static Tier tier(List<Record> rows) {
		Record first = rows.get(0);
		Map<String, Map<BillingInterval, Money>> prices = new TreeMap<>();
		for (Record row : rows) {
			if (row.get(TIER_PRICE.TIER_ID) != null) {
				String currency = row.get(TIER_PRICE.CURRENCY);
				prices.computeIfAbsent(currency, (code) -> new TreeMap<>())
					.put(BillingInterval.fromCode(row.get(TIER_PRICE.BILLING_INTERVAL)),
							Money.of(row.get(TIER_PRICE.AMOUNT_MINOR), currency));
			}
		}
		return new Tier(first.get(TIER.ID), first.get(TIER.SLUG), first.get(TIER.NAME), first.get(TIER.DESCRIPTION),
				List.copyOf(Arrays.asList(first.get(TIER.BENEFITS))), first.get(TIER.POSITION), first.get(TIER.ACTIVE),
				prices);
	}

	record NewTier(String slug, String name, String description, List<String> benefits, int position,
			List<NewPrice> prices) {
	}

	record NewPrice(BillingInterval interval, Money money) {
	}

}
