package org.supporters.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.staff.AuditLog;

/** What admins do with endpoints, each change audited in its own transaction. */
@Service
class Webhooks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	private final WebhookProperties properties;

	Webhooks(WebhookRepository repository, AuditLog audit, Clock clock, WebhookProperties properties) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	List<WebhookRepository.Endpoint> endpoints() {
		return this.repository.endpoints();
	}

	List<WebhookRepository.DeliveryRow> recentDeliveries() {
		return this.repository.recentDeliveries(100);
	}

	/** Adds an endpoint; its secret is returned this once. */
	@Transactional
	Created create(String url, List<WebhookEventType> events) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = this.repository.insertEndpoint(url, events, secret, this.clock.instant());
		this.audit.record("webhook.create", "webhook:" + id,
				Map.of("url", url, "events", events.stream().map(WebhookEventType::code).toList()));
		return new Created(id, url, secret);
	}

	@Transactional
	boolean setEnabled(UUID id, boolean enabled) {
		boolean changed = this.repository.setEnabled(id, enabled, enabled ? null : "disabled by an admin");
		if (changed) {
			this.audit.record(enabled ? "webhook.enable" : "webhook.disable", "webhook:" + id, Map.of());
		}
		return changed;
	}

	@Transactional
	boolean delete(UUID id) {
		boolean deleted = this.repository.deleteEndpoint(id);
		if (deleted) {
			this.audit.record("webhook.delete", "webhook:" + id, Map.of());
		}
		return deleted;
	}

	@Transactional
	boolean redeliver(long deliveryId) {
		Instant now = this.clock.instant();
		boolean queued = this.repository.redeliver(deliveryId, now, now.plus(this.properties.retryFor()));
		if (queued) {
			this.audit.record("webhook.redeliver", "webhook-delivery:" + deliveryId, Map.of());
		}
		return queued;
	}

	record Created(UUID id, String url, String secret) {
	}

}
