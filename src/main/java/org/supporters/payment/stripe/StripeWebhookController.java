package org.supporters.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import org.supporters.payment.ProviderEventInbox;

/**
 * Stripe's webhook: checks the signature on the raw body, stores the event in the inbox
 * and answers at once; a worker applies it. Stripe retries anything but a 2xx.
 */
@RestController
@Conditional(StripeMode.class)
class StripeWebhookController {

	static final long TOLERANCE_SECONDS = 300;

	private final ProviderEventInbox inbox;

	private final StripeProperties properties;

	private final Clock clock;

	StripeWebhookController(ProviderEventInbox inbox, StripeProperties properties, Clock clock) {
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping(path = "/webhooks/stripe", consumes = "*/*")
	ResponseEntity<String> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (body == null || signature == null) {
			return ResponseEntity.badRequest().body("Missing body or Stripe-Signature header");
		}
		// the signature covers the exact bytes Stripe sent, which are UTF-8
		String payload = new String(body, StandardCharsets.UTF_8);
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, this.properties.webhookSecret(), TOLERANCE_SECONDS,
					this.clock);
		}
		catch (SignatureVerificationException | JsonParseException | IllegalStateException ex) {
			return ResponseEntity.badRequest().body("Invalid signature");
		}
		if (event.getId() == null || event.getType() == null) {
			return ResponseEntity.badRequest().body("Not a Stripe event");
		}
		boolean fresh = this.inbox.receive(StripePaymentProvider.PROVIDER, event.getId(), event.getType(), payload);
		return ResponseEntity.ok(fresh ? "received" : "already received");
	}

}
