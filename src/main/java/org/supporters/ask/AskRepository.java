package org.supporters.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row6;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.ASK;
import static org.jooq.generated.Tables.ASK_EVENT_COUNT;
import static org.jooq.generated.Tables.ASK_VARIANT;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;

@Repository
class AskRepository {

	private final DSLContext db;

	AskRepository(DSLContext db) {
		this.db = db;
	}

	/** Inserts or replaces the ask with its variants, in the caller's transaction. */
	void save(Ask ask, Instant now) {
		this.db.insertInto(ASK)
			.set(ASK.ID, ask.id())
			.set(ASK.NAME, ask.name())
			.set(ASK.PLACEMENT, ask.placement().code())
			.set(ASK.STARTS_AT, ask.startsAt())
			.set(ASK.ENDS_AT, ask.endsAt())
			.set(ASK.TICKER_GOAL, (ask.ticker() != null) ? ask.ticker().goal() : null)
			.set(ASK.TICKER_UNIT, (ask.ticker() != null) ? ask.ticker().unit() : null)
			.set(ASK.TICKER_FROM, (ask.ticker() != null) ? ask.ticker().from() : null)
			.set(ASK.TICKER_UNTIL, (ask.ticker() != null) ? ask.ticker().until() : null)
			.set(ASK.CREATED_AT, now)
			.set(ASK.UPDATED_AT, now)
			.onConflict(ASK.ID)
			.doUpdate()
			.set(ASK.NAME, ask.name())
			.set(ASK.PLACEMENT, ask.placement().code())
			.set(ASK.STARTS_AT, ask.startsAt())
			.set(ASK.ENDS_AT, ask.endsAt())
			.set(ASK.TICKER_GOAL, (ask.ticker() != null) ? ask.ticker().goal() : null)
			.set(ASK.TICKER_UNIT, (ask.ticker() != null) ? ask.ticker().unit() : null)
			.set(ASK.TICKER_FROM, (ask.ticker() != null) ? ask.ticker().from() : null)
			.set(ASK.TICKER_UNTIL, (ask.ticker() != null) ? ask.ticker().until() : null)
			.set(ASK.UPDATED_AT, now)
			.execute();
		// a variant that is kept keeps its counts; one that is removed loses them
		this.db.deleteFrom(ASK_VARIANT)
			.where(ASK_VARIANT.ASK_ID.eq(ask.id()))
			.and(ASK_VARIANT.KEY.notIn(ask.variants().stream().map(Ask.Variant::key).toList()))
			.execute();
		for (Ask.Variant variant : ask.variants()) {
			Long[] amounts = variant.amounts().toArray(Long[]::new);
			this.db.insertInto(ASK_VARIANT)
				.set(ASK_VARIANT.ASK_ID, ask.id())
				.set(ASK_VARIANT.KEY, variant.key())
				.set(ASK_VARIANT.SHARE, variant.share())
				.set(ASK_VARIANT.HEADLINE, variant.headline())
				.set(ASK_VARIANT.BODY, variant.body())
				.set(ASK_VARIANT.BUTTON_LABEL, variant.buttonLabel())
				.set(ASK_VARIANT.AMOUNTS, amounts)
				.set(ASK_VARIANT.FREQUENCY, variant.frequency().code())
				.onConflict(ASK_VARIANT.ASK_ID, ASK_VARIANT.KEY)
				.doUpdate()
				.set(ASK_VARIANT.SHARE, variant.share())
				.set(ASK_VARIANT.HEADLINE, variant.headline())
				.set(ASK_VARIANT.BODY, variant.body())
				.set(ASK_VARIANT.BUTTON_LABEL, variant.buttonLabel())
				.set(ASK_VARIANT.AMOUNTS, amounts)
				.set(ASK_VARIANT.FREQUENCY, variant.frequency().code())
				.execute();
		}
	}

	/** Names of other asks of the placement whose period overlaps [startsAt, endsAt). */
	List<String> overlapping(UUID id, Placement placement, Instant startsAt, Instant endsAt) {
		return this.db.select(ASK.NAME)
			.from(ASK)
			.where(ASK.PLACEMENT.eq(placement.code()))
			.and(ASK.ID.ne(id))
			.and(ASK.ENDS_AT.isNull().or(ASK.ENDS_AT.gt(startsAt)))
			.and((endsAt != null) ? ASK.STARTS_AT.lt(endsAt) : noCondition())
			.orderBy(ASK.STARTS_AT)
			.fetch(ASK.NAME);
	}

	Optional<Ask> find(UUID id) {
		return asks(ASK.ID.eq(id)).stream().findFirst();
	}

	/** Every ask, the latest start first. */
	List<Ask> all() {
		return asks(noCondition());
	}

	List<Ask> liveAt(Instant now) {
		return asks(ASK.STARTS_AT.le(now).and(ASK.ENDS_AT.isNull().or(ASK.ENDS_AT.gt(now))));
	}

	/** Every ask's variants, as "ask id/variant key/placement". */
	Set<String> variantKeys() {
		return this.db.select(ASK_VARIANT.ASK_ID, ASK_VARIANT.KEY, ASK.PLACEMENT)
			.from(ASK_VARIANT)
			.join(ASK)
			.on(ASK.ID.eq(ASK_VARIANT.ASK_ID))
			.fetchSet((row) -> row.value1() + "/" + row.value2() + "/" + row.value3());
	}

	/**
	 * Adds the counts in one statement; counts of a variant removed meanwhile are dropped
	 * (the join), so a batch never fails on them.
	 */
	void addCounts(Collection<EventCounts.Count> counts) {
		if (counts.isEmpty()) {
			return;
		}
		@SuppressWarnings("unchecked")
		Row6<UUID, String, String, String, LocalDate, Long>[] rows = counts.stream()
			.map((count) -> row(count.ask(), count.variant(), count.placement().code(), count.event().code(),
					count.day(), count.n()))
			.toArray(Row6[]::new);
		var batch = values(rows).as("v", "ask_id", "variant_key", "placement", "event", "day", "n");
		Field<UUID> askId = field(name("v", "ask_id"), UUID.class);
		Field<String> variantKey = field(name("v", "variant_key"), String.class);
		this.db
			.insertInto(ASK_EVENT_COUNT, ASK_EVENT_COUNT.ASK_ID, ASK_EVENT_COUNT.VARIANT_KEY, ASK_EVENT_COUNT.PLACEMENT,
					ASK_EVENT_COUNT.EVENT, ASK_EVENT_COUNT.DAY, ASK_EVENT_COUNT.N)
			.select(select(askId, variantKey, field(name("v", "placement"), String.class),
					field(name("v", "event"), String.class), field(name("v", "day"), LocalDate.class),
					field(name("v", "n"), Long.class))
				.from(batch)
				.join(ASK_VARIANT)
				.on(ASK_VARIANT.ASK_ID.eq(askId).and(ASK_VARIANT.KEY.eq(variantKey))))
			.onConflict(ASK_EVENT_COUNT.ASK_ID, ASK_EVENT_COUNT.VARIANT_KEY, ASK_EVENT_COUNT.PLACEMENT,
					ASK_EVENT_COUNT.EVENT, ASK_EVENT_COUNT.DAY)
			.doUpdate()
			.set(ASK_EVENT_COUNT.N, ASK_EVENT_COUNT.N.plus(excluded(ASK_EVENT_COUNT.N)))
			.execute();
	}

	/** The ask's counts per variant and event, all days together. */
	Map<String, Map<AskEvent, Long>> counts(UUID ask) {
		Map<String, Map<AskEvent, Long>> counts = new HashMap<>();
		this.db.select(ASK_EVENT_COUNT.VARIANT_KEY, ASK_EVENT_COUNT.EVENT, sum(ASK_EVENT_COUNT.N))
			.from(ASK_EVENT_COUNT)
			.where(ASK_EVENT_COUNT.ASK_ID.eq(ask))
			.groupBy(ASK_EVENT_COUNT.VARIANT_KEY, ASK_EVENT_COUNT.EVENT)
			.forEach((row) -> counts.computeIfAbsent(row.value1(), (key) -> new HashMap<>())
				.put(AskEvent.of(row.value2()).orElseThrow(), row.value3().longValue()));
		return counts;
	}

	private List<Ask> asks(Condition condition) {
		Map<UUID, List<Ask.Variant>> variants = this.db.select(ASK_VARIANT.fields())
			.from(ASK_VARIANT)
			.join(ASK)
			.on(ASK.ID.eq(ASK_VARIANT.ASK_ID))
			.where(condition)
			.orderBy(ASK_VARIANT.KEY)
			.fetchGroups(ASK_VARIANT.ASK_ID, AskRepository::variant);
		return this.db.selectFrom(ASK)
			.where(condition)
			.orderBy(ASK.STARTS_AT.desc(), ASK.NAME)
			.fetch((row) -> new Ask(row.getId(), row.getName(), Placement.of(row.getPlacement()).orElseThrow(),
					row.getStartsAt(), row.getEndsAt(),
					(row.getTickerGoal() != null) ? new Ask.Ticker(row.getTickerGoal(), row.getTickerUnit(),
							row.getTickerFrom(), row.getTickerUntil()) : null,
					variants.getOrDefault(row.getId(), List.of())));
	}

	private static Ask.Variant variant(Record row) {
		return new Ask.Variant(row.get(ASK_VARIANT.KEY), row.get(ASK_VARIANT.SHARE), row.get(ASK_VARIANT.HEADLINE),
				row.get(ASK_VARIANT.BODY), row.get(ASK_VARIANT.BUTTON_LABEL),
				Arrays.stream(row.get(ASK_VARIANT.AMOUNTS)).collect(Collectors.toList()),
				Frequency.of(row.get(ASK_VARIANT.FREQUENCY)).orElseThrow());
	}

}
