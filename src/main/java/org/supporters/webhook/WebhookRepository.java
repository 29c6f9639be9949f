package org.supporters.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.WEBHOOK_ATTEMPT;
import static org.jooq.generated.Tables.WEBHOOK_DELIVERY;
import static org.jooq.generated.Tables.WEBHOOK_ENDPOINT;
import static org.jooq.generated.Tables.WEBHOOK_MEMBERSHIP;

@Repository
class WebhookRepository {

	private final DSLContext db;

	WebhookRepository(DSLContext db) {
		this.db = db;
	}

	UUID insertEndpoint(String url, List<WebhookEventType> events, String secret, Instant at) {
		return this.db.insertInto(WEBHOOK_ENDPOINT)
			.set(WEBHOOK_ENDPOINT.URL, url)
			.set(WEBHOOK_ENDPOINT.EVENTS, events.stream().map(WebhookEventType::code).toArray(String[]::new))
			.set(WEBHOOK_ENDPOINT.SECRET, secret)
			.set(WEBHOOK_ENDPOINT.CREATED_AT, at)
			.returning(WEBHOOK_ENDPOINT.ID)
			.fetchSingle()
			.getId();
	}

	List<Endpoint> endpoints() {
		return this.db.selectFrom(WEBHOOK_ENDPOINT)
			.orderBy(WEBHOOK_ENDPOINT.CREATED_AT)
			.fetch((row) -> new Endpoint(row.getId(), row.getUrl(),
					List.of(row.getEvents()).stream().flatMap((code) -> WebhookEventType.of(code).stream()).toList(),
					row.getEnabled(), row.getDisabledReason(), row.getCreatedAt()));
	}

	/** The enabled endpoints that asked for this type of event. */
	List<UUID> subscribed(WebhookEventType type) {
		return this.db.select(WEBHOOK_ENDPOINT.ID)
			.from(WEBHOOK_ENDPOINT)
			.where(WEBHOOK_ENDPOINT.ENABLED)
			.and(DSL.val(type.code()).eq(DSL.any(WEBHOOK_ENDPOINT.EVENTS)))
			.fetch(WEBHOOK_ENDPOINT.ID);
	}

	boolean setEnabled(UUID id, boolean enabled, String reason) {
		return this.db.update(WEBHOOK_ENDPOINT)
			.set(WEBHOOK_ENDPOINT.ENABLED, enabled)
			.set(WEBHOOK_ENDPOINT.DISABLED_REASON, reason)
			.set(WEBHOOK_ENDPOINT.CONSECUTIVE_FAILURES, 0)
			.setNull(WEBHOOK_ENDPOINT.FAILING_SINCE)
			.where(WEBHOOK_ENDPOINT.ID.eq(id))
			.execute() == 1;
	}

	boolean deleteEndpoint(UUID id) {
		return this.db.deleteFrom(WEBHOOK_ENDPOINT).where(WEBHOOK_ENDPOINT.ID.eq(id)).execute() == 1;
	}

	void insertDelivery(UUID endpointId, UUID eventId, WebhookEventType type, UUID supporterId, String body, Instant at,
			Instant retryUntil) {
		this.db.insertInto(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.ENDPOINT_ID, endpointId)
			.set(WEBHOOK_DELIVERY.EVENT_ID, eventId)
			.set(WEBHOOK_DELIVERY.EVENT_TYPE, type.code())
			.set(WEBHOOK_DELIVERY.SUPPORTER_ID, supporterId)
			.set(WEBHOOK_DELIVERY.BODY, body)
			.set(WEBHOOK_DELIVERY.STATUS, DeliveryStatus.PENDING.code())
			.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, at)
			.set(WEBHOOK_DELIVERY.RETRY_UNTIL, retryUntil)
			.set(WEBHOOK_DELIVERY.CREATED_AT, at)
			.execute();
	}

	/**
	 * Claims due deliveries of enabled endpoints, each the oldest pending one of its
	 * supporter and endpoint (a later one waits for it), and pushes their next attempt
	 * {@code lease} ahead so no other run takes them while this one sends. Rows another
	 * instance has locked are skipped, not waited for.
	 */
	List<Claimed> claimDue(Instant now, Instant lease, int limit) {
		var later = WEBHOOK_DELIVERY.as("later");
		var earlier = WEBHOOK_DELIVERY.as("earlier");
		List<Claimed> claimed = this.db
			.select(later.ID, later.BODY, later.ATTEMPTS, later.RETRY_UNTIL, WEBHOOK_ENDPOINT.ID, WEBHOOK_ENDPOINT.URL,
					WEBHOOK_ENDPOINT.SECRET)
			.from(later)
			.join(WEBHOOK_ENDPOINT)
			.on(WEBHOOK_ENDPOINT.ID.eq(later.ENDPOINT_ID))
			.where(later.STATUS.eq(DeliveryStatus.PENDING.code()))
			.and(later.NEXT_ATTEMPT_AT.le(now))
			.and(WEBHOOK_ENDPOINT.ENABLED)
			.andNotExists(DSL.selectOne()
				.from(earlier)
				.where(earlier.ENDPOINT_ID.eq(later.ENDPOINT_ID))
				.and(earlier.SUPPORTER_ID.eq(later.SUPPORTER_ID))
				.and(earlier.STATUS.eq(DeliveryStatus.PENDING.code()))
				.and(earlier.ID.lt(later.ID)))
			.orderBy(later.ID)
			.limit(limit)
			.forUpdate()
			.of(later)
			.skipLocked()
			.fetch((row) -> new Claimed(row.value1(), row.value5(), row.value6(), row.value7(), row.value2(),
					row.value3(), row.value4()));
		if (!claimed.isEmpty()) {
			this.db.update(WEBHOOK_DELIVERY)
				.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, lease)
				.where(WEBHOOK_DELIVERY.ID.in(claimed.stream().map(Claimed::id).toList()))
				.execute();
		}
		return claimed;
	}

	void recordAttempt(long deliveryId, Instant at, Integer responseCode, String error) {
		this.db.insertInto(WEBHOOK_ATTEMPT)
			.set(WEBHOOK_ATTEMPT.DELIVERY_ID, deliveryId)
			.set(WEBHOOK_ATTEMPT.ATTEMPTED_AT, at)
			.set(WEBHOOK_ATTEMPT.RESPONSE_CODE, responseCode)
			.set(WEBHOOK_ATTEMPT.ERROR, (error != null && error.length() > 500) ? error.substring(0, 500) : error)
			.execute();
	}

	void markDelivered(long deliveryId, UUID endpointId, Instant at) {
		this.db.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATUS, DeliveryStatus.DELIVERED.code())
			.set(WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.ATTEMPTS.plus(1))
			.set(WEBHOOK_DELIVERY.DELIVERED_AT, at)
			.where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
			.execute();
		this.db.update(WEBHOOK_ENDPOINT)
			.set(WEBHOOK_ENDPOINT.CONSECUTIVE_FAILURES, 0)
			.setNull(WEBHOOK_ENDPOINT.FAILING_SINCE)
			.where(WEBHOOK_ENDPOINT.ID.eq(endpointId))
			.execute();
	}

	/** Records a failure; the endpoint's failures in a row and since when. */
	Failing markFailed(long deliveryId, UUID endpointId, DeliveryStatus status, Instant nextAttemptAt, Instant at) {
		this.db.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATUS, status.code())
			.set(WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.ATTEMPTS.plus(1))
			.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, nextAttemptAt)
			.where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
			.execute();
		return this.db.update(WEBHOOK_ENDPOINT)
			.set(WEBHOOK_ENDPOINT.CONSECUTIVE_FAILURES, WEBHOOK_ENDPOINT.CONSECUTIVE_FAILURES.plus(1))
			.set(WEBHOOK_ENDPOINT.FAILING_SINCE, DSL.coalesce(WEBHOOK_ENDPOINT.FAILING_SINCE, DSL.val(at)))
			.where(WEBHOOK_ENDPOINT.ID.eq(endpointId))
			.returning(WEBHOOK_ENDPOINT.CONSECUTIVE_FAILURES, WEBHOOK_ENDPOINT.FAILING_SINCE, WEBHOOK_ENDPOINT.ENABLED,
					WEBHOOK_ENDPOINT.URL)
			.fetchOptional()
			.map((row) -> new Failing(row.getConsecutiveFailures(), row.getFailingSince(), row.getEnabled(),
					row.getUrl()))
			.orElse(new Failing(0, at, false, ""));
	}

	/** Turns a pending or failed delivery back to pending, due now, retried afresh. */
	boolean redeliver(long deliveryId, Instant now, Instant retryUntil) {
		return this.db.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATUS, DeliveryStatus.PENDING.code())
			.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
			.set(WEBHOOK_DELIVERY.RETRY_UNTIL, retryUntil)
			.where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
			.execute() == 1;
	}

	List<DeliveryRow> recentDeliveries(int limit) {
		var lastAttempt = DSL.field(DSL.select(DSL.max(WEBHOOK_ATTEMPT.ID))
			.from(WEBHOOK_ATTEMPT)
			.where(WEBHOOK_ATTEMPT.DELIVERY_ID.eq(WEBHOOK_DELIVERY.ID)));
		var attempt = WEBHOOK_ATTEMPT.as("last_attempt");
		return this.db
			.select(WEBHOOK_DELIVERY.ID, WEBHOOK_DELIVERY.ENDPOINT_ID, WEBHOOK_DELIVERY.EVENT_TYPE,
					WEBHOOK_DELIVERY.STATUS, WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.CREATED_AT,
					WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, attempt.ATTEMPTED_AT, attempt.RESPONSE_CODE, attempt.ERROR)
			.from(WEBHOOK_DELIVERY)
			.leftJoin(attempt)
			.on(attempt.ID.eq(lastAttempt))
			.orderBy(WEBHOOK_DELIVERY.ID.desc())
			.limit(limit)
			.fetch((row) -> new DeliveryRow(row.value1(), row.value2(), row.value3(), DeliveryStatus.of(row.value4()),
					row.value5(), row.value6(), row.value7(), row.value8(), row.value9(), row.value10()));
	}

	Optional<String> membership(UUID supporterId) {
		return this.db.select(WEBHOOK_MEMBERSHIP.MEMBERSHIP)
			.from(WEBHOOK_MEMBERSHIP)
			.where(WEBHOOK_MEMBERSHIP.SUPPORTER_ID.eq(supporterId))
			.forUpdate()
			.fetchOptional(WEBHOOK_MEMBERSHIP.MEMBERSHIP);
	}

	/**
	 * Keeps the membership told of, with when it ends unless renewed ({@code null}: not a
	 * member, or no end).
	 */
	void storeMembership(UUID supporterId, String membership, Instant validUntil) {
		this.db.insertInto(WEBHOOK_MEMBERSHIP)
			.set(WEBHOOK_MEMBERSHIP.SUPPORTER_ID, supporterId)
			.set(WEBHOOK_MEMBERSHIP.MEMBERSHIP, membership)
			.set(WEBHOOK_MEMBERSHIP.VALID_UNTIL, validUntil)
			.onConflict(WEBHOOK_MEMBERSHIP.SUPPORTER_ID)
			.doUpdate()
			.set(WEBHOOK_MEMBERSHIP.MEMBERSHIP, membership)
			.set(WEBHOOK_MEMBERSHIP.VALID_UNTIL, validUntil)
			.execute();
	}

	/**
	 * Supporters whose membership told of has ended by {@code now}, earliest first,
	 * locked (skipping those another transaction holds) until the caller's transaction
	 * ends.
	 */
	List<UUID> membershipsEndedBy(Instant now, int limit) {
		return this.db.select(WEBHOOK_MEMBERSHIP.SUPPORTER_ID)
			.from(WEBHOOK_MEMBERSHIP)
			.where(WEBHOOK_MEMBERSHIP.VALID_UNTIL.le(now))
			.orderBy(WEBHOOK_MEMBERSHIP.VALID_UNTIL)
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.fetch(WEBHOOK_MEMBERSHIP.SUPPORTER_ID);
	}

	/** An erased reader's undelivered events carry their address: they go. */
	void forget(UUID supporterId) {
		this.db.deleteFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.SUPPORTER_ID.eq(supporterId))
			.and(WEBHOOK_DELIVERY.STATUS.ne(DeliveryStatus.DELIVERED.code()))
			.execute();
		this.db.deleteFrom(WEBHOOK_MEMBERSHIP).where(WEBHOOK_MEMBERSHIP.SUPPORTER_ID.eq(supporterId)).execute();
	}

	record Endpoint(UUID id, String url, List<WebhookEventType> events, boolean enabled, String disabledReason,
			Instant createdAt) {
	}

	record Claimed(long id, UUID endpointId, String url, String secret, String body, int attempts, Instant retryUntil) {
	}

	record Failing(int consecutiveFailures, Instant failingSince, boolean enabled, String url) {
	}

	record DeliveryRow(long id, UUID endpointId, String type, DeliveryStatus status, int attempts, Instant createdAt,
			Instant nextAttemptAt, Instant lastAttemptAt, Integer lastResponseCode, String lastError) {
	}

}
