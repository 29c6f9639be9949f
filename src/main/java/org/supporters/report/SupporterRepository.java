package org.supporters.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import org.jooq.generated.tables.Pledge;
import org.supporters.membership.CurrentSupporters;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.Provider;

import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.PROVIDER_EVENT;
import static org.jooq.generated.Tables.SUPPORTER;
import static org.jooq.generated.Tables.TIER;

/**
 * Reads supporters, their pledges, payments and events for the staff pages and exports.
 */
@Repository
class SupporterRepository {

	/** Rows fetched from PostgreSQL at a time while streaming an export. */
	static final int FETCH_SIZE = 1000;

	// sorted and searched under the "C" collation, as the V6 indexes are
	private static final Field<String> EMAIL_KEY = DSL.field("lower({0}) collate \"C\"", String.class, SUPPORTER.EMAIL);

	private static final Field<String> NAME_KEY = DSL.field("lower({0}) collate \"C\"", String.class, SUPPORTER.NAME);

	private static final Pledge P = PLEDGE.as("p");

	// the columns of the pledge shown on each row, by the name of the lateral table that
	// selects them (shownPledge)
	private static final Field<PledgeStatus> SHOWN_STATUS = shown(P.STATUS);

	private static final Field<PledgeKind> SHOWN_KIND = shown(P.KIND);

	private static final Field<String> SHOWN_TIER_NAME = DSL.field(DSL.name("shown", "tier_name"), String.class);

	private static final Field<String> SHOWN_INTERVAL = shown(P.BILLING_INTERVAL);

	private static final Field<Long> SHOWN_AMOUNT = shown(P.AMOUNT_MINOR);

	private static final Field<String> SHOWN_CURRENCY = shown(P.CURRENCY);

	private static final Field<Provider> SHOWN_PROVIDER = shown(P.PROVIDER);

	private final DSLContext db;

	/** Which pledges count now: the dashboard's rule, so the list agrees with it. */
	private final CurrentSupporters current;

	SupporterRepository(DSLContext db, CurrentSupporters current) {
		this.db = db;
		this.current = current;
	}

	/**
	 * The pledge shown on a supporter's row: a current one first, so that a supporter the
	 * dashboard counts never shows a lapsed pledge; then one still active or past due;
	 * then the newest.
	 */
	private Table<?> shownPledge(Instant now) {
		return DSL
			.lateral(DSL
				.select(P.STATUS, P.KIND, P.BILLING_INTERVAL, P.AMOUNT_MINOR, P.CURRENCY, P.PROVIDER,
						TIER.NAME.as("tier_name"))
				.from(P)
				.leftJoin(TIER)
				.on(TIER.ID.eq(P.TIER_ID))
				.where(P.SUPPORTER_ID.eq(SUPPORTER.ID))
				// the rule is null for a pledge without a period end: such a pledge is
				// not current
				.orderBy(DSL.field(DSL.condition(this.current.sql(P.getName()), now)).desc().nullsLast(),
						DSL.field(P.STATUS.in(PledgeStatus.ACTIVE, PledgeStatus.PAST_DUE)).desc(), P.CREATED_AT.desc())
				.limit(1))
			.as("shown");
	}

	private static <T> Field<T> shown(Field<T> column) {
		return DSL.field(DSL.name("shown", column.getName()), column.getDataType());
	}

	/** One page of the list as of now, after the filter's cursor. */
	List<SupporterRow> page(SupporterFilter filter, Long tierId, Instant now, int size) {
		return select(filter, tierId, now, true).limit(size).fetch(SupporterRepository::row);
	}

	/**
	 * Every supporter the filter finds as of now, streamed row by row (call in a
	 * transaction).
	 */
	void stream(SupporterFilter filter, Long tierId, Instant now, Consumer<SupporterRow> each) {
		try (Cursor<? extends Record> rows = select(filter, tierId, now, false).fetchSize(FETCH_SIZE).fetchLazy()) {
			rows.forEach((row) -> each.accept(row(row)));
		}
	}

	/** The sort value of a row, for the next page's cursor. */
	static String sortValue(SupporterFilter filter, SupporterRow row) {
		return "email".equals(filter.sort()) ? row.email().toLowerCase() : row.joined().toString();
	}

	private SelectLimitStep<? extends Record> select(SupporterFilter filter, Long tierId, Instant now,
			boolean fromCursor) {
		List<Condition> conditions = new ArrayList<>();
		if (filter.q() != null) {
			String prefix = likePrefix(filter.q().toLowerCase());
			conditions.add(filter.q().contains("@") ? EMAIL_KEY.like(prefix, '\\')
					: EMAIL_KEY.like(prefix, '\\').or(NAME_KEY.like(prefix, '\\')));
		}
		Condition pledge = DSL.noCondition();
		if (SupporterFilter.CURRENT.equals(filter.status())) {
			pledge = pledge.and(DSL.condition(this.current.sql(PLEDGE.getName()), now));
		}
		else if (filter.status() != null) {
			pledge = pledge.and(PledgeKind.ONE_OFF.code().equals(filter.status()) ? PLEDGE.KIND.eq(PledgeKind.ONE_OFF)
					: PLEDGE.KIND.eq(PledgeKind.RECURRING).and(PLEDGE.STATUS.eq(PledgeStatus.of(filter.status()))));
		}
		if (tierId != null) {
			pledge = pledge.and(PLEDGE.TIER_ID.eq(tierId));
		}
		if (filter.interval() != null) {
			pledge = pledge.and(PLEDGE.BILLING_INTERVAL.eq(filter.interval()));
		}
		if (filter.provider() != null) {
			pledge = pledge.and(PLEDGE.PROVIDER.eq(Provider.of(filter.provider())));
		}
		if (!pledge.equals(DSL.noCondition())) {
			conditions
				.add(DSL.exists(DSL.selectOne().from(PLEDGE).where(PLEDGE.SUPPORTER_ID.eq(SUPPORTER.ID)).and(pledge)));
		}
		if (filter.joinedFromInstant() != null) {
			conditions.add(SUPPORTER.CREATED_AT.ge(filter.joinedFromInstant()));
		}
		if (filter.joinedUntilInstant() != null) {
			conditions.add(SUPPORTER.CREATED_AT.lt(filter.joinedUntilInstant()));
		}
		SupporterFilter.Cursor cursor = fromCursor ? filter.cursor() : null;
		List<SortField<?>> order;
		switch (filter.sort()) {
			case "oldest" -> {
				order = List.of(SUPPORTER.CREATED_AT.asc(), SUPPORTER.ID.asc());
				if (cursor != null) {
					conditions.add(
							DSL.row(SUPPORTER.CREATED_AT, SUPPORTER.ID).gt(Instant.parse(cursor.value()), cursor.id()));
				}
			}
			case "email" -> {
				order = List.of(EMAIL_KEY.asc(), SUPPORTER.ID.asc());
				if (cursor != null) {
					conditions.add(DSL.row(EMAIL_KEY, SUPPORTER.ID).gt(cursor.value(), cursor.id()));
				}
			}
			default -> {
				order = List.of(SUPPORTER.CREATED_AT.desc(), SUPPORTER.ID.desc());
				if (cursor != null) {
					conditions.add(
							DSL.row(SUPPORTER.CREATED_AT, SUPPORTER.ID).lt(Instant.parse(cursor.value()), cursor.id()));
				}
			}
		}
		Table<?> shown = shownPledge(now);
		return this.db
			.select(SUPPORTER.ID, SUPPORTER.EMAIL, SUPPORTER.NAME, SUPPORTER.CREATED_AT, SHOWN_STATUS, SHOWN_KIND,
					SHOWN_TIER_NAME, SHOWN_INTERVAL, SHOWN_AMOUNT, SHOWN_CURRENCY, SHOWN_PROVIDER)
			.from(SUPPORTER)
			.leftJoin(shown)
			.on(DSL.trueCondition())
			.where(conditions)
			.orderBy(order);
	}

	/**
	 * The provider events that mention one of these provider references (pledges and
	 * payments), oldest first. Searches the raw payloads of the provider: fine for one
	 * supporter's page, not for a report.
	 */
	List<SupporterDetail.EventLine> events(String provider, List<String> providerRefs, int limit) {
		if (providerRefs.isEmpty()) {
			return List.of();
		}
		Condition mentions = DSL.or(providerRefs.stream()
			.map((ref) -> DSL.condition("position({0} in {1}::text) > 0", DSL.val(ref), PROVIDER_EVENT.PAYLOAD))
			.toList());
		return this.db.selectFrom(PROVIDER_EVENT)
			.where(PROVIDER_EVENT.PROVIDER.eq(provider))
			.and(mentions)
			.orderBy(PROVIDER_EVENT.RECEIVED_AT, PROVIDER_EVENT.ID)
			.limit(limit)
			.fetch((row) -> new SupporterDetail.EventLine(row.getId(), row.getEventId(), row.getType(),
					row.getReceivedAt(), row.getProcessedAt(), row.getAttempts(), row.getLastError()));
	}

	/**
	 * Payments with their supporter's email, oldest first, streamed (call in a
	 * transaction).
	 */
	void streamPayments(Instant from, Instant until, Consumer<PaymentRow> each) {
		Condition when = DSL.noCondition();
		if (from != null) {
			when = when.and(PAYMENT.OCCURRED_AT.ge(from));
		}
		if (until != null) {
			when = when.and(PAYMENT.OCCURRED_AT.lt(until));
		}
		try (Cursor<? extends Record> rows = this.db
			.select(PAYMENT.OCCURRED_AT, SUPPORTER.EMAIL, PLEDGE.KIND, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY,
					PAYMENT.STATUS, PAYMENT.REFUNDED_MINOR, PAYMENT.PROVIDER, PAYMENT.PROVIDER_REF, PAYMENT.ID)
			.from(PAYMENT)
			.join(PLEDGE)
			.on(PLEDGE.ID.eq(PAYMENT.PLEDGE_ID))
			.join(SUPPORTER)
			.on(SUPPORTER.ID.eq(PLEDGE.SUPPORTER_ID))
			.where(when)
			.orderBy(PAYMENT.OCCURRED_AT, PAYMENT.ID)
			.fetchSize(FETCH_SIZE)
			.fetchLazy()) {
			rows.forEach((row) -> each.accept(new PaymentRow(row.get(PAYMENT.ID), row.get(PAYMENT.OCCURRED_AT),
					row.get(SUPPORTER.EMAIL), row.get(PLEDGE.KIND), row.get(PAYMENT.AMOUNT_MINOR),
					row.get(PAYMENT.CURRENCY).trim(), row.get(PAYMENT.STATUS), row.get(PAYMENT.REFUNDED_MINOR),
					row.get(PAYMENT.PROVIDER), row.get(PAYMENT.PROVIDER_REF))));
		}
	}

	private static SupporterRow row(Record row) {
		Long amount = row.get(SHOWN_AMOUNT);
		String currency = row.get(SHOWN_CURRENCY);
		return new SupporterRow(row.get(SUPPORTER.ID), row.get(SUPPORTER.EMAIL), row.get(SUPPORTER.NAME),
				row.get(SUPPORTER.CREATED_AT), row.get(SHOWN_STATUS), row.get(SHOWN_KIND), row.get(SHOWN_TIER_NAME),
				row.get(SHOWN_INTERVAL), amount, (currency != null) ? currency.trim() : null,
				(amount != null) ? Amounts.format(amount, currency) : "", row.get(SHOWN_PROVIDER));
	}

	private static String likePrefix(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Why the supporter canceled their pledges, newest first. */
	List<SupporterDetail.CancellationLine> cancellations(UUID supporterId) {
		return this.db.select(PLEDGE.ID, PLEDGE.CANCELED_AT, PLEDGE.CANCEL_REASON, PLEDGE.CANCEL_COMMENT)
			.from(PLEDGE)
			.where(PLEDGE.SUPPORTER_ID.eq(supporterId))
			.and(PLEDGE.CANCELED_AT.isNotNull())
			.orderBy(PLEDGE.CANCELED_AT.desc())
			.fetch((row) -> new SupporterDetail.CancellationLine(row.value1(), row.value2(),
					(row.value3() != null) ? row.value3().label() : null, row.value4()));
	}

}
