package org.supporters.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import org.supporters.catalog.Money;
import org.supporters.membership.Membership;
import org.supporters.membership.MembershipService;
import org.supporters.platform.ReaderErased;
import org.supporters.supporter.PaymentRefunded;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.PledgeCanceled;
import org.supporters.supporter.PledgeChanged;
import org.supporters.supporter.PledgeEnded;
import org.supporters.supporter.PledgeRecovered;
import org.supporters.supporter.PledgeRenewed;
import org.supporters.supporter.PledgeResumed;
import org.supporters.supporter.PledgeStarted;
import org.supporters.supporter.RenewalFailed;
import org.supporters.supporter.Supporter;
import org.supporters.supporter.Supporters;

/**
 * Turns the ledger's events into deliveries, one row per subscribed endpoint, in the
 * ledger's transaction (plain listeners: the ledger publishes inside it), so a change and
 * its webhooks are stored together or not at all.
 */
@Component
class WebhookOutbox {

	static final int LAPSE_BATCH = 100;

	private final WebhookRepository repository;

	private final Supporters supporters;

	private final MembershipService memberships;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookProperties properties;

	WebhookOutbox(WebhookRepository repository, Supporters supporters, MembershipService memberships, JsonMapper json,
			Clock clock, WebhookProperties properties) {
		this.repository = repository;
		this.supporters = supporters;
		this.memberships = memberships;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	@EventListener
	@Transactional
	void on(PledgeStarted started) {
		if (this.supporters.pledges(started.supporterId()).size() == 1) {
			this.supporters.supporter(started.supporterId())
				.ifPresent((supporter) -> write(WebhookEventType.SUPPORTER_CREATED, supporter.id(),
						supporterData(supporter)));
		}
		Map<String, Object> data = pledgeData(started.supporterId(), started.pledgeId());
		data.put("provider", started.provider().code());
		write(WebhookEventType.PLEDGE_STARTED, started.supporterId(), data);
		write(WebhookEventType.PAYMENT_SUCCEEDED, started.supporterId(),
				pledgeData(started.supporterId(), started.pledgeId()));
		membershipMayHaveChanged(started.supporterId());
	}

	@EventListener
	@Transactional
	void on(PledgeRenewed renewed) {
		write(WebhookEventType.PAYMENT_SUCCEEDED, renewed.supporterId(),
				pledgeData(renewed.supporterId(), renewed.pledgeId()));
		membershipMayHaveChanged(renewed.supporterId());
	}

	@EventListener
	@Transactional
	void on(PledgeRecovered recovered) {
		write(WebhookEventType.PAYMENT_SUCCEEDED, recovered.supporterId(),
				pledgeData(recovered.supporterId(), recovered.pledgeId()));
		membershipMayHaveChanged(recovered.supporterId());
	}

	@EventListener
	@Transactional
	void on(PledgeEnded ended) {
		Map<String, Object> data = pledgeData(ended.supporterId(), ended.pledgeId());
		data.put("reason", ended.reason().code());
		write(WebhookEventType.PLEDGE_ENDED, ended.supporterId(), data);
		membershipMayHaveChanged(ended.supporterId());
	}

	@EventListener
	@Transactional
	void on(PaymentRefunded refunded) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("supporterId", refunded.supporterId());
		data.put("pledgeId", refunded.pledgeId());
		data.put("paymentId", refunded.paymentId());
		data.put("refunded", money(refunded.refunded()));
		data.put("full", refunded.full());
		write(WebhookEventType.PAYMENT_REFUNDED, refunded.supporterId(), data);
		membershipMayHaveChanged(refunded.supporterId());
	}

	@EventListener
	@Transactional
	void on(RenewalFailed failed) {
		membershipMayHaveChanged(failed.supporterId());
	}

	@EventListener
	@Transactional
	void on(PledgeChanged changed) {
		membershipMayHaveChanged(changed.supporterId());
	}

	@EventListener
	@Transactional
	void on(PledgeCanceled canceled) {
		membershipMayHaveChanged(canceled.supporterId());
	}

	@EventListener
	@Transactional
	void on(PledgeResumed resumed) {
		membershipMayHaveChanged(resumed.supporterId());
	}

	/** A staff comp granted, revoked or moved: in the comp's own transaction. */
	@EventListener
	@Transactional
	void on(MembershipService.CompsChanged changed) {
		membershipMayHaveChanged(changed.supporterId());
	}

	/**
	 * Memberships that lapse with time alone (a period, grace or comp running out with no
	 * provider event): those whose end told of has passed are compared again, each in
	 * this transaction, so each lapse is told of once.
	 * @return true when a full batch was looked at, so more may wait
	 */
	@Transactional
	boolean tellLapses() {
		List<UUID> ended = this.repository.membershipsEndedBy(this.clock.instant(), LAPSE_BATCH);
		ended.forEach(this::membershipMayHaveChanged);
		return ended.size() == LAPSE_BATCH;
	}

	@EventListener
	@Transactional
	void on(ReaderErased erased) {
		this.repository.forget(erased.supporterId());
	}

	/**
	 * Compares the supporter's membership now with the one last told of (kept per
	 * supporter, so old and new are both known) and writes membership.changed when
	 * status, tier or benefits differ. A new end alone (a renewal) is kept without an
	 * event, so that the lapse job looks again only when the membership may really end.
	 */
	private void membershipMayHaveChanged(UUID supporterId) {
		String before = this.repository.membership(supporterId).orElse(null);
		Membership now = this.memberships.membershipOf(supporterId);
		Map<String, Object> current = membershipData(now);
		String stored = this.json.writeValueAsString(current);
		Map<String, Object> previous = (before != null) ? this.json.readValue(before, Map.class)
				: membershipData(Membership.NONE);
		if (stored.equals(before) || (before == null && !now.member())) {
			return;
		}
		this.repository.storeMembership(supporterId, stored, now.validUntil());
		if (same(previous, current)) {
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("supporterId", supporterId);
		data.put("previous", previous);
		data.put("current", current);
		write(WebhookEventType.MEMBERSHIP_CHANGED, supporterId, data);
	}

	private static boolean same(Map<String, Object> a, Map<String, Object> b) {
		for (String key : List.of("member", "status", "tier", "benefits")) {
			if (!java.util.Objects.equals(String.valueOf(a.get(key)), String.valueOf(b.get(key)))) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, Object> membershipData(Membership membership) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("member", membership.member());
		data.put("status", membership.status().name().toLowerCase(java.util.Locale.ROOT));
		data.put("tier", membership.tier());
		data.put("benefits", membership.benefits());
		data.put("validUntil", (membership.validUntil() != null) ? membership.validUntil().toString() : null);
		return data;
	}

	private static Map<String, Object> supporterData(Supporter supporter) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("supporterId", supporter.id());
		data.put("email", supporter.email());
		data.put("name", supporter.name());
		data.put("joined", supporter.joined().toString());
		return data;
	}

	private Map<String, Object> pledgeData(UUID supporterId, UUID pledgeId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("supporterId", supporterId);
		data.put("pledgeId", pledgeId);
		this.supporters.pledge(pledgeId).ifPresent((pledge) -> describe(pledge, data));
		return data;
	}

	private static void describe(Pledge pledge, Map<String, Object> data) {
		data.put("kind", pledge.kind().name().toLowerCase(java.util.Locale.ROOT));
		data.put("amount", money(pledge.amount()));
		data.put("interval",
				(pledge.interval() != null) ? pledge.interval().name().toLowerCase(java.util.Locale.ROOT) : null);
		data.put("paidThrough", (pledge.currentPeriodEnd() != null) ? pledge.currentPeriodEnd().toString() : null);
	}

	private static Map<String, Object> money(Money money) {
		return Map.of("minor", money.minor(), "currency", money.currency().getCurrencyCode());
	}

	private void write(WebhookEventType type, UUID supporterId, Map<String, Object> data) {
		List<UUID> endpoints = this.repository.subscribed(type);
		if (endpoints.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		UUID eventId = UUID.randomUUID();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", eventId);
		event.put("type", type.code());
		event.put("created", now.getEpochSecond());
		event.put("data", data);
		String body = this.json.writeValueAsString(event);
		for (UUID endpoint : endpoints) {
			this.repository.insertDelivery(endpoint, eventId, type, supporterId, body, now,
					now.plus(this.properties.retryFor()));
		}
	}

}
