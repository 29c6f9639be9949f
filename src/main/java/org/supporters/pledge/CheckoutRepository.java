package org.supporters.pledge;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.supporter.PledgeKind;

import static org.jooq.generated.Tables.CHECKOUT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

@Repository
class CheckoutRepository {

	private final DSLContext db;

	private final Catalog catalog;

	CheckoutRepository(DSLContext db, Catalog catalog) {
		this.db = db;
		this.catalog = catalog;
	}

	/**
	 * Inserts a checkout under its idempotency key, or finds the one an earlier submit of
	 * the same form inserted.
	 */
	Checkout insertOrFind(String idempotencyKey, PledgeChoice choice, String returnUrl, Attribution attribution,
			String provider, Instant now) {
		this.db.insertInto(CHECKOUT)
			.set(CHECKOUT.IDEMPOTENCY_KEY, idempotencyKey)
			.set(CHECKOUT.EMAIL, choice.email())
			.set(CHECKOUT.NAME, choice.name())
			.set(CHECKOUT.KIND, choice.recurring() ? PledgeKind.RECURRING : PledgeKind.ONE_OFF)
			.set(CHECKOUT.TIER_ID, (choice.tier() != null) ? choice.tier().id() : null)
			.set(CHECKOUT.AMOUNT_MINOR, choice.amount().minor())
			.set(CHECKOUT.CURRENCY, choice.amount().currency().getCurrencyCode())
			.set(CHECKOUT.BILLING_INTERVAL, choice.recurring() ? choice.interval().code() : null)
			.set(CHECKOUT.PROVIDER, provider)
			.set(CHECKOUT.RETURN_URL, returnUrl)
			.set(CHECKOUT.ASK_ID, attribution.ask())
			.set(CHECKOUT.ASK_VARIANT, attribution.variant())
			.set(CHECKOUT.ARTICLE_URL, attribution.article())
			.set(CHECKOUT.UTM_SOURCE, attribution.utmSource())
			.set(CHECKOUT.UTM_MEDIUM, attribution.utmMedium())
			.set(CHECKOUT.UTM_CAMPAIGN, attribution.utmCampaign())
			.set(CHECKOUT.UTM_TERM, attribution.utmTerm())
			.set(CHECKOUT.UTM_CONTENT, attribution.utmContent())
			.set(CHECKOUT.REFERRER, attribution.referrer())
			.set(CHECKOUT.CREATED_AT, now)
			.onConflict(CHECKOUT.IDEMPOTENCY_KEY)
			.doNothing()
			.execute();
		return this.db.selectFrom(CHECKOUT)
			.where(CHECKOUT.IDEMPOTENCY_KEY.eq(idempotencyKey))
			.fetchSingle(this::checkout);
	}

	/**
	 * Takes the asking of the provider for this open checkout's session, unless another
	 * request took it since {@code staleBefore}; whether this one did.
	 */
	boolean claimSessionRequest(UUID id, Instant now, Instant staleBefore) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.SESSION_REQUESTED_AT, now)
			.where(CHECKOUT.ID.eq(id))
			.and(CHECKOUT.STATUS.eq("open"))
			.and(CHECKOUT.REDIRECT_URL.isNull())
			.and(CHECKOUT.SESSION_REQUESTED_AT.isNull().or(CHECKOUT.SESSION_REQUESTED_AT.lt(staleBefore)))
			.execute() == 1;
	}

	/** The provider failed: the next submit may ask again at once. */
	void releaseSessionRequest(UUID id) {
		this.db.update(CHECKOUT).setNull(CHECKOUT.SESSION_REQUESTED_AT).where(CHECKOUT.ID.eq(id)).execute();
	}

	Optional<Checkout> find(UUID id) {
		return this.db.selectFrom(CHECKOUT).where(CHECKOUT.ID.eq(id)).fetchOptional(this::checkout);
	}

	void erase(String email, String replacementEmail) {
		this.db.update(CHECKOUT)
			.set(CHECKOUT.EMAIL, replacementEmail)
			.setNull(CHECKOUT.NAME)
			.where(lower(CHECKOUT.EMAIL).eq(lower(email)))
			.execute();
	}

	void recordSession(UUID id, String sessionReference, URI redirectUrl) {
		this.db.update(CHECKOUT)
			.set(CHECKOUT.PROVIDER_SESSION, sessionReference)
			.set(CHECKOUT.REDIRECT_URL, redirectUrl.toString())
			.where(CHECKOUT.ID.eq(id))
			.execute();
	}

	/**
	 * The checkout's provider and kind when it completed now; empty when it had before.
	 */
	Optional<Ended> markCompleted(UUID id, Instant at) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.STATUS, "completed")
			.set(CHECKOUT.COMPLETED_AT, at)
			.where(CHECKOUT.ID.eq(id))
			.and(CHECKOUT.STATUS.ne("completed"))
			.returningResult(CHECKOUT.PROVIDER, CHECKOUT.KIND)
			.fetchOptional((row) -> new Ended(row.value1(), row.value2()));
	}

	/**
	 * Marks the checkout's one sign-in on return; false when it was used or the checkout
	 * completed too long ago.
	 */
	boolean claimSignIn(UUID id, Instant now, Instant completedAfter) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.SIGNED_IN_AT, now)
			.where(CHECKOUT.ID.eq(id))
			.and(CHECKOUT.SIGNED_IN_AT.isNull())
			.and(CHECKOUT.COMPLETED_AT.gt(completedAfter))
			.execute() == 1;
	}

	/** The provider and kind of each checkout that expired now. */
	List<Ended> expireOpenCreatedBefore(Instant cutoff) {
		return this.db.update(CHECKOUT)
			.set(CHECKOUT.STATUS, "expired")
			.where(CHECKOUT.STATUS.eq("open"))
			.and(CHECKOUT.CREATED_AT.lt(cutoff))
			.returningResult(CHECKOUT.PROVIDER, CHECKOUT.KIND)
			.fetch((row) -> new Ended(row.value1(), row.value2()));
	}

	List<CheckoutAttributions.VariantCheckouts> attributedByVariant(UUID ask) {
		Map<String, List<Money>> revenue = new HashMap<>();
		this.db.select(CHECKOUT.ASK_VARIANT, CHECKOUT.CURRENCY, sum(CHECKOUT.AMOUNT_MINOR))
			.from(CHECKOUT)
			.where(CHECKOUT.ASK_ID.eq(ask))
			.and(CHECKOUT.STATUS.eq("completed"))
			.groupBy(CHECKOUT.ASK_VARIANT, CHECKOUT.CURRENCY)
			.orderBy(CHECKOUT.CURRENCY)
			.forEach((row) -> revenue.computeIfAbsent(row.value1(), (key) -> new ArrayList<>())
				.add(Money.of(row.value3().longValue(), row.value2())));
		return this.db.select(CHECKOUT.ASK_VARIANT, count(), count().filterWhere(CHECKOUT.STATUS.eq("completed")))
			.from(CHECKOUT)
			.where(CHECKOUT.ASK_ID.eq(ask))
			.groupBy(CHECKOUT.ASK_VARIANT)
			.orderBy(CHECKOUT.ASK_VARIANT)
			.fetch((row) -> new CheckoutAttributions.VariantCheckouts(row.value1(), row.value2(), row.value3(),
					revenue.getOrDefault(row.value1(), List.of())));
	}

	List<CheckoutAttributions.ArticleCheckouts> topArticles(int limit) {
		var completed = count().as("completed");
		List<String> articles = this.db.select(CHECKOUT.ARTICLE_URL, completed)
			.from(CHECKOUT)
			.where(CHECKOUT.ARTICLE_URL.isNotNull())
			.and(CHECKOUT.STATUS.eq("completed"))
			.groupBy(CHECKOUT.ARTICLE_URL)
			.orderBy(completed.desc(), CHECKOUT.ARTICLE_URL)
			.limit(limit)
			.fetch(CHECKOUT.ARTICLE_URL);
		Map<String, List<Money>> revenue = new HashMap<>();
		Map<String, Long> counts = new HashMap<>();
		this.db.select(CHECKOUT.ARTICLE_URL, CHECKOUT.CURRENCY, count(), sum(CHECKOUT.AMOUNT_MINOR))
			.from(CHECKOUT)
			.where(CHECKOUT.ARTICLE_URL.in(articles))
			.and(CHECKOUT.STATUS.eq("completed"))
			.groupBy(CHECKOUT.ARTICLE_URL, CHECKOUT.CURRENCY)
			.orderBy(CHECKOUT.CURRENCY)
			.forEach((row) -> {
				revenue.computeIfAbsent(row.value1(), (key) -> new ArrayList<>())
					.add(Money.of(row.value4().longValue(), row.value2()));
				counts.merge(row.value1(), (long) row.value3(), Long::sum);
			});
		return articles.stream()
			.map((article) -> new CheckoutAttributions.ArticleCheckouts(article, counts.getOrDefault(article, 0L),
					revenue.getOrDefault(article, List.of())))
			.toList();
	}

	CheckoutAttributions.Progress completedBetween(Instant from, Instant until) {
		var period = CHECKOUT.STATUS.eq("completed")
			.and(CHECKOUT.COMPLETED_AT.ge(from))
			.and((until != null) ? CHECKOUT.COMPLETED_AT.lt(until) : noCondition());
		List<Money> amounts = this.db.select(CHECKOUT.CURRENCY, sum(CHECKOUT.AMOUNT_MINOR))
			.from(CHECKOUT)
			.where(period)
			.groupBy(CHECKOUT.CURRENCY)
			.orderBy(CHECKOUT.CURRENCY)
			.fetch((row) -> Money.of(row.value2().longValue(), row.value1()));
		return new CheckoutAttributions.Progress(this.db.fetchCount(CHECKOUT, period), amounts);
	}

	List<CheckoutAttributions.BroughtBy> broughtBy(String email) {
		return this.db.selectFrom(CHECKOUT)
			.where(lower(CHECKOUT.EMAIL).eq(lower(email)))
			.and(CHECKOUT.STATUS.eq("completed"))
			.and(CHECKOUT.ASK_ID.isNotNull()
				.or(CHECKOUT.ARTICLE_URL.isNotNull())
				.or(CHECKOUT.UTM_SOURCE.isNotNull())
				.or(CHECKOUT.UTM_MEDIUM.isNotNull())
				.or(CHECKOUT.UTM_CAMPAIGN.isNotNull())
				.or(CHECKOUT.REFERRER.isNotNull()))
			.orderBy(CHECKOUT.COMPLETED_AT.desc())
			.fetch((row) -> new CheckoutAttributions.BroughtBy(row.getCompletedAt(),
					Money.of(row.getAmountMinor(), row.getCurrency()), row.getAskId(), row.getAskVariant(),
					row.getArticleUrl(), row.getUtmSource(), row.getUtmMedium(), row.getUtmCampaign(), row.getUtmTerm(),
					row.getUtmContent(), row.getReferrer()));
	}

	/** The checkout, its tier named by the catalog (which owns the tiers). */
	private Checkout checkout(Record row) {
		Long tierId = row.get(CHECKOUT.TIER_ID);
		String tierSlug = (tierId != null) ? this.catalog.tier(tierId).map(Tier::slug).orElse(null) : null;
		String interval = row.get(CHECKOUT.BILLING_INTERVAL);
		String redirect = row.get(CHECKOUT.REDIRECT_URL);
		return new Checkout(row.get(CHECKOUT.ID), row.get(CHECKOUT.EMAIL), row.get(CHECKOUT.NAME), tierSlug,
				Money.of(row.get(CHECKOUT.AMOUNT_MINOR), row.get(CHECKOUT.CURRENCY)),
				(interval != null) ? BillingInterval.fromCode(interval) : null, row.get(CHECKOUT.STATUS),
				(redirect != null) ? URI.create(redirect) : null, row.get(CHECKOUT.RETURN_URL),
				new Attribution(row.get(CHECKOUT.ASK_ID), row.get(CHECKOUT.ASK_VARIANT), row.get(CHECKOUT.ARTICLE_URL),
						row.get(CHECKOUT.UTM_SOURCE), row.get(CHECKOUT.UTM_MEDIUM), row.get(CHECKOUT.UTM_CAMPAIGN),
						row.get(CHECKOUT.UTM_TERM), row.get(CHECKOUT.UTM_CONTENT), row.get(CHECKOUT.REFERRER)));
	}

	/** Of a checkout that completed or expired: what the metrics count it by. */
	record Ended(String provider, PledgeKind kind) {
	}

	/** A checkout as the pledge flow needs it back. */
	record Checkout(UUID id, String email, String name, String tierSlug, Money amount, BillingInterval interval,
			String status, URI redirectUrl, String returnUrl, Attribution attribution) {

		boolean completed() {
			return "completed".equals(this.status);
		}

		boolean open() {
			return "open".equals(this.status);
		}

	}

}
