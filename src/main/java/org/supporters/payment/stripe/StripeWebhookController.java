package org.supporters.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import io.micrometer.core.instrument.Metrics;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import org.supporters.payment.ProviderEventInbox;
import org.supporters.platform.StorableText;

/**
 * Stripe's webhook: checks the signature on the raw body, stores the event in the inbox
 * and answers at once; a worker applies it. Stripe retries anything but a 2xx.
 * <p>
 * A correctly signed body that cannot be a Stripe event (an id or type longer than the
 * inbox holds, a NUL character or broken Unicode, no {@code data.object} with an id) is
 * refused here with a 400 that says why, rather than stored to fail for ever: the worker
 * could never apply it, and Stripe shows the answer on the endpoint's page.
 */
@RestController
@Conditional(StripeMode.class)
class StripeWebhookController {

	/** How far a signature's time may be from ours, either way. */
	static final long TOLERANCE_SECONDS = 300;

	static final int MAX_EVENT_ID_LENGTH = 255;

	static final int MAX_TYPE_LENGTH = 100;

	private final ProviderEventInbox inbox;

	private final StripeProperties properties;

	private final Clock clock;

	StripeWebhookController(ProviderEventInbox inbox, StripeProperties properties, Clock clock) {
		this.inbox = inbox;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping(path = "/webhooks/stripe", consumes = "*/*")
	ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (body == null || signature == null) {
			return refused("Missing body or Stripe-Signature header");
		}
		// the signature covers the exact bytes Stripe sent, which are UTF-8
		String payload = new String(body, StandardCharsets.UTF_8);
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, this.properties.webhookSecret(), TOLERANCE_SECONDS,
					this.clock);
		}
		catch (SignatureVerificationException ex) {
			return invalidSignature("Invalid signature");
		}
		catch (JsonParseException | IllegalStateException ex) {
			// stripe-java parses only once the signature holds
			return refused("Not a Stripe event: it is not shaped like one");
		}
		// stripe-java checks only that the signature is not too old
		if (signedAt(signature) > this.clock.instant().getEpochSecond() + TOLERANCE_SECONDS) {
			return invalidSignature("Invalid signature: its timestamp is in the future");
		}
		String shape = shapeProblem(event, payload);
		if (shape != null) {
			return refused("Not a Stripe event: " + shape);
		}
		boolean fresh = this.inbox.receive(StripePaymentProvider.PROVIDER, event.getId(), event.getType(), payload);
		return ResponseEntity.ok(fresh ? "received" : "already received");
	}

	/** The largest {@code t=} of the header; verification has made sure there is one. */
	private static long signedAt(String signature) {
		long latest = Long.MIN_VALUE;
		for (String part : signature.split(",")) {
			String item = part.trim();
			if (item.startsWith("t=")) {
				try {
					latest = Math.max(latest, Long.parseLong(item.substring(2)));
				}
				catch (NumberFormatException ex) {
					// stripe-java ignores a malformed timestamp too
				}
			}
		}
		return latest;
	}

	/**
	 * What makes this signed body something the inbox cannot hold or apply; null if none.
	 */
	private static String shapeProblem(Event event, String payload) {
		if (event.getId() == null || event.getId().isEmpty() || event.getId().length() > MAX_EVENT_ID_LENGTH) {
			return "its id must have 1 to " + MAX_EVENT_ID_LENGTH + " characters";
		}
		if (event.getType() == null || event.getType().isEmpty() || event.getType().length() > MAX_TYPE_LENGTH) {
			return "its type must have 1 to " + MAX_TYPE_LENGTH + " characters";
		}
		JsonElement root;
		try {
			root = JsonParser.parseString(payload);
		}
		catch (JsonParseException ex) {
			return "it is not JSON";
		}
		if (!storable(root)) {
			return "it holds a NUL character or broken Unicode";
		}
		JsonElement data = root.getAsJsonObject().get("data");
		JsonElement object = (data != null && data.isJsonObject()) ? data.getAsJsonObject().get("object") : null;
		JsonElement id = (object != null && object.isJsonObject()) ? object.getAsJsonObject().get("id") : null;
		if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString() || id.getAsString().isEmpty()) {
			return "it has no data.object with an id";
		}
		return null;
	}

	/** Whether every key and string in the JSON can be stored (PostgreSQL's jsonb). */
	private static boolean storable(JsonElement element) {
		if (element.isJsonObject()) {
			for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
				if (!StorableText.isStorable(member.getKey()) || !storable(member.getValue())) {
					return false;
				}
			}
			return true;
		}
		if (element.isJsonArray()) {
			for (JsonElement item : element.getAsJsonArray()) {
				if (!storable(item)) {
					return false;
				}
			}
			return true;
		}
		return !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()
				|| StorableText.isStorable(element.getAsString());
	}

	/** Counted, unlike other refusals: many of these in a row look like forged events. */
	private static ResponseEntity<ProblemDetail> invalidSignature(String detail) {
		Metrics.counter("supporters.webhook.signature.failures", "provider", "stripe").increment();
		return refused(detail);
	}

	private static ResponseEntity<ProblemDetail> refused(String detail) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

}
