package org.supporters.ask;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes members.js's batches of aggregate ask events: no identifier, no cookie, from any
 * origin. Only the documented shape and size is counted, all of it or nothing; the client
 * address only feeds the rate limit.
 */
@RestController
class AskEventController {

	/** A batch larger than this is refused: a page sends a handful of events. */
	static final int MAX_BYTES = 8192;

	static final int MAX_EVENTS = 50;

	private static final Set<String> FIELDS = Set.of("ask", "variant", "placement", "event");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final Asks asks;

	private final EventCounts counts;

	private final AddressLimiter limiter;

	private final AskProperties properties;

	private final JsonMapper json;

	AskEventController(Asks asks, EventCounts counts, AddressLimiter limiter, AskProperties properties,
			JsonMapper json) {
		this.asks = asks;
		this.counts = counts;
		this.limiter = limiter;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Accepts {@code {"events":[{"ask":"<uuid>","variant":"a","placement":"article",
	 * "event":"shown"}, …]}} as {@code application/json} or {@code text/plain} (which a
	 * browser sends without a preflight).
	 */
	@PostMapping(AskSecurity.EVENTS)
	ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
		String type = (request.getContentType() != null) ? request.getContentType().toLowerCase() : "";
		if (!(type.startsWith("application/json") || type.startsWith("text/plain"))) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the events as application/json or text/plain.");
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			return problem(HttpStatus.BAD_REQUEST, "A batch of events is at most " + MAX_BYTES + " bytes.");
		}
		byte[] body = read(request.getInputStream());
		if (body == null) {
			return problem(HttpStatus.BAD_REQUEST, "A batch of events is at most " + MAX_BYTES + " bytes.");
		}
		List<Event> events = parse(body);
		if (events == null) {
			return problem(HttpStatus.BAD_REQUEST, "Send {\"events\":[{\"ask\":\"<id>\",\"variant\":\"a\","
					+ "\"placement\":\"article\",\"event\":\"shown\"}], with 1 to " + MAX_EVENTS + " events.");
		}
		for (Event event : events) {
			if (!this.asks.knows(event.ask(), event.variant(), event.placement())) {
				return problem(HttpStatus.BAD_REQUEST, "There is no ask " + event.ask() + " with a variant "
						+ event.variant() + " in the placement " + event.placement().code() + ".");
			}
		}
		if (!this.limiter.tryAcquire(request.getRemoteAddr(), events.size(), this.properties.eventsPerMinute())) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many events from this address; try again in a minute.");
		}
		events.forEach((event) -> this.counts.add(event.ask(), event.variant(), event.placement(), event.event()));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body, or null when it is larger than allowed (a chunked body has no length).
	 */
	private static byte[] read(InputStream input) throws IOException {
		byte[] body = input.readNBytes(MAX_BYTES + 1);
		return (body.length > MAX_BYTES) ? null : body;
	}

	/** The events, or null for anything but exactly the documented shape. */
	private List<Event> parse(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (root == null || !root.isObject() || root.size() != 1 || !root.path("events").isArray()) {
			return null;
		}
		JsonNode list = root.get("events");
		if (list.isEmpty() || list.size() > MAX_EVENTS) {
			return null;
		}
		List<Event> events = new ArrayList<>(list.size());
		for (JsonNode node : list) {
			if (!node.isObject() || node.size() != FIELDS.size()) {
				return null;
			}
			for (String field : FIELDS) {
				if (!node.path(field).isString()) {
					return null;
				}
			}
			String ask = node.get("ask").asString();
			String variant = node.get("variant").asString();
			Placement placement = Placement.of(node.get("placement").asString()).orElse(null);
			AskEvent event = AskEvent.of(node.get("event").asString()).orElse(null);
			if (!UUID_TEXT.matcher(ask).matches() || !variant.matches("[a-e]") || placement == null || event == null) {
				return null;
			}
			events.add(new Event(UUID.fromString(ask), variant, placement, event));
		}
		return events;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private record Event(UUID ask, String variant, Placement placement, AskEvent event) {
	}

}
