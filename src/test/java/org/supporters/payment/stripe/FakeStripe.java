package org.supporters.payment.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Stripe API on a local port for the real stripe-java client: it keeps objects in
 * memory in Stripe's shapes, creates what the service creates, answers idempotent
 * requests as Stripe does, records every request, and can be told to fail or stall. Tests
 * set up the rest of Stripe's world (subscriptions, invoices, charges, disputes) with the
 * helpers below.
 */
final class FakeStripe {

	static final String API_VERSION = "2026-07-29.dahlia";

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom random = new SecureRandom();

	private final HttpServer server;

	private final Map<String, JsonObject> objects = new ConcurrentHashMap<>();

	private final Map<String, String> idempotentAnswers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<Fault> faults = new CopyOnWriteArrayList<>();

	private final List<JsonObject> undeliveredEvents = new CopyOnWriteArrayList<>();

	private final Set<String> decliningSubscriptions = ConcurrentHashMap.newKeySet();

	private final List<Served> served = new CopyOnWriteArrayList<>();

	private volatile Duration latency = Duration.ZERO;

	private FakeStripe(HttpServer server) {
		this.server = server;
	}

	static FakeStripe start() {
		// without it, small answers wait for delayed ACKs: 40 ms a request
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeStripe stripe = new FakeStripe(server);
			server.createContext("/", stripe::handle);
			server.setExecutor(Executors.newFixedThreadPool(8));
			server.start();
			return stripe;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	// what the service sent

	List<Request> requests(String method, String path) {
		return this.requests.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	List<Request> requests(Predicate<Request> filter) {
		return this.requests.stream().filter(filter).toList();
	}

	// faults

	/** The next {@code times} requests whose path starts so answer with this status. */
	void failNext(String pathPrefix, int times, int status) {
		this.faults.add(new Fault(null, pathPrefix, 0, times, status, null));
	}

	/** The next {@code times} POSTs whose path starts so answer with this status. */
	void failNextPost(String pathPrefix, int times, int status) {
		this.faults.add(new Fault("POST", pathPrefix, 0, times, status, null));
	}

	/**
	 * After {@code skip} GETs whose path starts so are answered, the next {@code times}
	 * answer with this status.
	 */
	void failGetsAfter(String pathPrefix, int skip, int times, int status) {
		this.faults.add(new Fault("GET", pathPrefix, skip, times, status, null));
	}

	/** The next {@code times} requests whose path starts so stall this long. */
	void stallNext(String pathPrefix, int times, Duration stall) {
		this.faults.add(new Fault(null, pathPrefix, 0, times, 0, stall));
	}

	void clearFaults() {
		this.faults.clear();
		this.latency = Duration.ZERO;
	}

	/** Every answer waits this long, as Stripe over the internet does (until cleared). */
	void answerAfter(Duration latency) {
		this.latency = latency;
	}

	/** The GETs answered, each with when it came in and when its answer was sent. */
	List<Served> served() {
		return List.copyOf(this.served);
	}

	// Stripe's world

	JsonObject object(String id) {
		return this.objects.get(id);
	}

	void put(JsonObject object) {
		this.objects.put(object.get("id").getAsString(), object);
	}

	static String id(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		for (int i = 0; i < 24; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	/** A subscription of the customer, paid with its first invoice; returns its id. */
	Paid paidSubscription(String customer, long unitAmount, String interval, Map<String, String> metadata,
			Instant periodStart) {
		String price = id("price_");
		JsonObject priceObject = json("id", price, "object", "price", "currency", "eur", "unit_amount", unitAmount,
				"active", true, "type", "recurring");
		JsonObject recurring = json("interval", interval, "interval_count", 1);
		priceObject.add("recurring", recurring);
		priceObject.add("metadata", new JsonObject());
		put(priceObject);
		return paidSubscriptionWithPrice(customer, priceObject, metadata, periodStart);
	}

	private Paid paidSubscriptionWithPrice(String customer, JsonObject price, Map<String, String> metadata,
			Instant periodStart) {
		String subscription = id("sub_");
		Instant periodEnd = periodStart.plus(Duration
			.ofDays("year".equals(price.getAsJsonObject("recurring").get("interval").getAsString()) ? 365 : 30));
		JsonObject item = json("id", id("si_"), "object", "subscription_item", "quantity", 1, "current_period_start",
				periodStart.getEpochSecond(), "current_period_end", periodEnd.getEpochSecond(), "subscription",
				subscription);
		item.add("price", price.deepCopy());
		JsonObject items = json("object", "list", "has_more", false, "url",
				"/v1/subscription_items?subscription=" + subscription);
		JsonArray data = new JsonArray();
		data.add(item);
		items.add("data", data);
		JsonObject sub = json("id", subscription, "object", "subscription", "customer", customer, "status", "active",
				"cancel_at_period_end", false, "created", periodStart.getEpochSecond(), "livemode", false);
		sub.add("cancel_at", null);
		sub.add("canceled_at", null);
		sub.add("items", items);
		sub.add("metadata", metadata(metadata));
		sub.add("cancellation_details", json("comment", null, "feedback", null, "reason", null));
		put(sub);
		String invoice = paidInvoice(subscription, customer, price.get("unit_amount").getAsLong(), periodStart);
		sub.addProperty("latest_invoice", invoice);
		return new Paid(subscription, invoice, object(invoice).get("__payment_intent").getAsString(),
				object(invoice).get("__charge").getAsString());
	}

	/**
	 * A paid invoice of the subscription, with its payment intent and charge, in the
	 * currency of the subscription's price.
	 */
	String paidInvoice(String subscription, String customer, long amount, Instant at) {
		String currency = currencyOf(subscription);
		String invoice = id("in_");
		String paymentIntent = id("pi_");
		String charge = id("ch_");
		JsonObject invoiceObject = json("id", invoice, "object", "invoice", "customer", customer, "status", "paid",
				"currency", currency, "amount_due", amount, "amount_paid", amount, "attempt_count", 1, "created",
				at.getEpochSecond(), "__payment_intent", paymentIntent, "__charge", charge);
		invoiceObject.add("parent", json("type", "subscription_details", "subscription_details",
				json("subscription", subscription, "metadata", new JsonObject())));
		put(invoiceObject);
		put(invoicePayment(invoice, paymentIntent, amount, currency));
		JsonObject intent = json("id", paymentIntent, "object", "payment_intent", "amount", amount, "currency",
				currency, "customer", customer, "status", "succeeded", "latest_charge", charge, "created",
				at.getEpochSecond());
		intent.add("metadata", new JsonObject());
		put(intent);
		put(charge(charge, paymentIntent, customer, amount, at, currency));
		return invoice;
	}

	/** The currency of a subscription's price; euros for one the fake does not know. */
	private String currencyOf(String subscription) {
		JsonObject object = this.objects.get(subscription);
		if (object == null || !object.has("items")) {
			return "eur";
		}
		return object.getAsJsonObject("items")
			.getAsJsonArray("data")
			.get(0)
			.getAsJsonObject()
			.getAsJsonObject("price")
			.get("currency")
			.getAsString();
	}

	/** A one-off payment of the customer in euros, with its charge. */
	Paid paidOneOff(String customer, long amount, Map<String, String> metadata, Instant at) {
		return paidOneOff(customer, amount, "eur", metadata, at);
	}

	/** A one-off payment of the customer, with its charge. */
	Paid paidOneOff(String customer, long amount, String currency, Map<String, String> metadata, Instant at) {
		String paymentIntent = id("pi_");
		String charge = id("ch_");
		JsonObject intent = json("id", paymentIntent, "object", "payment_intent", "amount", amount, "currency",
				currency, "customer", customer, "status", "succeeded", "latest_charge", charge, "created",
				at.getEpochSecond());
		intent.add("metadata", metadata(metadata));
		put(intent);
		put(charge(charge, paymentIntent, customer, amount, at, currency));
		return new Paid(null, null, paymentIntent, charge);
	}

	void refund(String charge, long amount) {
		JsonObject object = object(charge);
		long refunded = object.get("amount_refunded").getAsLong() + amount;
		object.addProperty("amount_refunded", refunded);
		object.addProperty("refunded", refunded >= object.get("amount").getAsLong());
	}

	/** Opens (or moves) a dispute on the charge; returns the dispute's id. */
	String dispute(String charge, String status) {
		JsonObject chargeObject = object(charge);
		chargeObject.addProperty("disputed", true);
		String existing = this.objects.values()
			.stream()
			.filter((object) -> "dispute".equals(string(object, "object")) && charge.equals(string(object, "charge")))
			.map((object) -> string(object, "id"))
			.findFirst()
			.orElse(null);
		String dispute = (existing != null) ? existing : id("dp_");
		put(json("id", dispute, "object", "dispute", "charge", charge, "payment_intent",
				string(chargeObject, "payment_intent"), "amount", chargeObject.get("amount").getAsLong(), "currency",
				"eur", "status", status));
		return dispute;
	}

	/**
	 * The subscription's card declines a prorated charge: a price change with
	 * {@code pending_if_incomplete} stays pending and the subscription keeps its price.
	 */
	void declineChanges(String subscription) {
		this.decliningSubscriptions.add(subscription);
	}

	void failInvoice(String invoice) {
		object(invoice).addProperty("status", "open");
		object(invoice).addProperty("amount_paid", 0);
	}

	/**
	 * Completes a checkout session as a reader paying on Stripe would: creates the
	 * subscription or payment it was for.
	 */
	Paid complete(String sessionId, Instant at) {
		JsonObject session = object(sessionId);
		Map<String, String> params = paramsOf(session);
		String customer = params.get("customer");
		Map<String, String> metadata = new LinkedHashMap<>();
		Paid paid;
		if ("subscription".equals(params.get("mode"))) {
			params.forEach((key, value) -> {
				if (key.startsWith("subscription_data[metadata][")) {
					metadata.put(key.substring("subscription_data[metadata][".length(), key.length() - 1), value);
				}
			});
			JsonObject price = (params.get("line_items[0][price]") != null)
					? object(params.get("line_items[0][price]")).deepCopy() : priceFromData(params);
			paid = paidSubscriptionWithPrice(customer, price, metadata, at);
			session.addProperty("subscription", paid.subscription());
		}
		else {
			params.forEach((key, value) -> {
				if (key.startsWith("payment_intent_data[metadata][")) {
					metadata.put(key.substring("payment_intent_data[metadata][".length(), key.length() - 1), value);
				}
			});
			paid = paidOneOff(customer, Long.parseLong(params.get("line_items[0][price_data][unit_amount]")),
					params.getOrDefault("line_items[0][price_data][currency]", "eur"), metadata, at);
			session.addProperty("payment_intent", paid.paymentIntent());
		}
		session.addProperty("status", "complete");
		session.addProperty("payment_status", "paid");
		return paid;
	}

	/** An event as Stripe sends it, carrying a copy of the object as it is now. */
	String event(String type, String objectId, Instant created) {
		return eventObject(id("evt_"), type, object(objectId), created).toString();
	}

	static JsonObject eventObject(String eventId, String type, JsonObject object, Instant created) {
		JsonObject event = json("id", eventId, "object", "event", "api_version", API_VERSION, "type", type, "created",
				created.getEpochSecond(), "livemode", false, "pending_webhooks", 1);
		event.add("data", json("object", object.deepCopy()));
		event.add("request", json("id", null, "idempotency_key", null));
		return event;
	}

	/**
	 * An event Stripe tried to deliver and gave up on; listed with
	 * delivery_success=false.
	 */
	void undelivered(JsonObject event) {
		this.undeliveredEvents.add(event);
	}

	// serving

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery();
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Map<String, String> params = new LinkedHashMap<>(decode(query));
			params.putAll(decode(body));
			String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			this.requests.add(new Request(method, path, params, idempotencyKey));
			long started = System.nanoTime();
			if (!this.latency.isZero()) {
				sleep(this.latency);
			}
			Fault fault = takeFault(method, path);
			if (fault != null && fault.stall() != null) {
				sleep(fault.stall());
				respond(exchange, 500, error("api_error", "stalled"));
				return;
			}
			if (fault != null) {
				respond(exchange, fault.status(), error("api_error", "Something went wrong on Stripe's end."));
				return;
			}
			if (idempotencyKey != null && !"GET".equals(method)) {
				String earlier = this.idempotentAnswers.get(idempotencyKey);
				if (earlier != null) {
					respond(exchange, 200, earlier);
					return;
				}
			}
			Answer answer = answer(method, path, params);
			if (answer.status() == 200 && idempotencyKey != null && !"GET".equals(method)) {
				this.idempotentAnswers.put(idempotencyKey, answer.body());
			}
			if ("GET".equals(method)) {
				// before the answer goes out: the service's next request can only come
				// after
				this.served.add(new Served(path, params, started, System.nanoTime()));
			}
			respond(exchange, answer.status(), answer.body());
		}
	}

	private Answer answer(String method, String path, Map<String, String> params) {
		String[] parts = path.split("/");
		if ("POST".equals(method) && parts.length == 4 && "subscriptions".equals(parts[2])) {
			JsonObject subscription = object(parts[3]);
			return (subscription != null) ? updatedSubscription(subscription, params) : notFound();
		}
		if ("POST".equals(method)) {
			return switch (path) {
				case "/v1/customers" -> created(json("id", id("cus_"), "object", "customer", "email",
						params.get("email"), "name", params.get("name")));
				case "/v1/products" -> created(json("id", params.getOrDefault("id", id("prod_")), "object", "product",
						"name", params.get("name"), "active", true));
				case "/v1/prices" -> createdPrice(params);
				case "/v1/checkout/sessions" -> createdSession(params);
				case "/v1/invoices/create_preview" -> preview(params);
				case "/v1/billing_portal/sessions" -> {
					String id = id("bps_");
					yield created(json("id", id, "object", "billing_portal.session", "customer", params.get("customer"),
							"return_url", params.get("return_url"), "url",
							"https://billing.stripe.com/p/session/" + id));
				}
				default -> notFound();
			};
		}
		if ("DELETE".equals(method) && parts.length == 4 && "subscriptions".equals(parts[2])) {
			JsonObject subscription = object(parts[3]);
			if (subscription == null) {
				return notFound();
			}
			subscription.addProperty("status", "canceled");
			subscription.addProperty("canceled_at", Instant.now().getEpochSecond());
			subscription.add("cancellation_details", json("comment", params.get("cancellation_details[comment]"),
					"feedback", null, "reason", "cancellation_requested"));
			return new Answer(200, subscription.toString());
		}
		if (!"GET".equals(method)) {
			return notFound();
		}
		return switch (path) {
			case "/v1/prices" ->
				list((object) -> "price".equals(string(object, "object")) && params.get("lookup_keys[0]") != null
						&& params.get("lookup_keys[0]").equals(string(object, "lookup_key")));
			case "/v1/invoice_payments" -> list((object) -> "invoice_payment".equals(string(object, "object"))
					&& (params.get("invoice") == null || params.get("invoice").equals(string(object, "invoice")))
					&& (params.get("payment[payment_intent]") == null || params.get("payment[payment_intent]")
						.equals(string(object.getAsJsonObject("payment"), "payment_intent"))));
			case "/v1/disputes" -> list((object) -> "dispute".equals(string(object, "object"))
					&& params.getOrDefault("charge", "").equals(string(object, "charge")));
			case "/v1/subscriptions" -> list((object) -> "subscription".equals(string(object, "object"))
					&& params.getOrDefault("status", "active").equals(string(object, "status")));
			case "/v1/events" -> {
				JsonArray data = new JsonArray();
				this.undeliveredEvents.forEach(data::add);
				yield new Answer(200, listOf(data).toString());
			}
			default -> {
				JsonObject object = (parts.length >= 4) ? object(parts[parts.length - 1]) : null;
				yield (object != null) ? new Answer(200, object.toString()) : notFound();
			}
		};
	}

	/**
	 * The invoice Stripe would issue now for the subscription with the item's price
	 * replaced, prorated to the second ({@code always_invoice}): the new price for the
	 * rest of the period less the unused part of the old one; a new interval starts a new
	 * period now. Only the amount and the lines the service reads are filled in.
	 */
	private Answer preview(Map<String, String> params) {
		JsonObject subscription = object(params.get("subscription"));
		JsonObject price = object(params.get("subscription_details[items][0][price]"));
		if (subscription == null || price == null) {
			return notFound();
		}
		long at = Long.parseLong(params.getOrDefault("subscription_details[proration_date]",
				String.valueOf(Instant.now().getEpochSecond())));
		long due = prorated(subscription, price, at);
		JsonObject invoice = json("id", "upcoming_in_" + id(""), "object", "invoice", "customer",
				params.get("customer"), "status", "draft", "currency", string(price, "currency"), "amount_due",
				Math.max(0, due), "total", due, "subtotal", due, "created", at);
		invoice.add("parent", json("type", "subscription_details", "subscription_details",
				json("subscription", string(subscription, "id"), "metadata", new JsonObject())));
		JsonObject lines = listOf(new JsonArray());
		invoice.add("lines", lines);
		return new Answer(200, invoice.toString());
	}

	/**
	 * Stripe's proration for moving the subscription's item to the price at {@code at}.
	 */
	private static long prorated(JsonObject subscription, JsonObject price, long at) {
		JsonObject item = subscription.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
		JsonObject old = item.getAsJsonObject("price");
		long start = item.get("current_period_start").getAsLong();
		long end = item.get("current_period_end").getAsLong();
		double unused = old.get("unit_amount").getAsLong() * (double) (end - at) / (end - start);
		long amount = price.get("unit_amount").getAsLong();
		boolean sameInterval = interval(old).equals(interval(price));
		return sameInterval ? Math.round(amount * (double) (end - at) / (end - start) - unused)
				: Math.round(amount - unused);
	}

	private static String interval(JsonObject price) {
		return price.getAsJsonObject("recurring").get("interval").getAsString();
	}

	/**
	 * Updates the subscription as Stripe does: a new price for its item (prorated and
	 * invoiced at once, a new period for a new interval), cancel at period end, metadata
	 * (an empty value removes a key), cancellation details.
	 */
	private Answer updatedSubscription(JsonObject subscription, Map<String, String> params) {
		String newPrice = params.get("items[0][price]");
		if (newPrice != null && this.decliningSubscriptions.contains(string(subscription, "id"))
				&& "pending_if_incomplete".equals(params.get("payment_behavior"))) {
			JsonObject declined = subscription.deepCopy();
			declined.add("pending_update",
					json("expires_at", Instant.now().plus(Duration.ofHours(23)).getEpochSecond()));
			return new Answer(200, declined.toString());
		}
		if (newPrice != null) {
			JsonObject price = object(newPrice);
			if (price == null) {
				return notFound();
			}
			long now = Instant.now().getEpochSecond();
			long due = prorated(subscription, price, now);
			JsonObject item = subscription.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject();
			if (!interval(item.getAsJsonObject("price")).equals(interval(price))) {
				item.addProperty("current_period_start", now);
				item.addProperty("current_period_end",
						now + Duration.ofDays("year".equals(interval(price)) ? 365 : 30).getSeconds());
			}
			item.add("price", price.deepCopy());
			if (due > 0) {
				String invoice = paidInvoice(string(subscription, "id"), string(subscription, "customer"), due,
						Instant.ofEpochSecond(now));
				subscription.addProperty("latest_invoice", invoice);
			}
		}
		if (params.containsKey("cancel_at_period_end")) {
			subscription.addProperty("cancel_at_period_end", Boolean.parseBoolean(params.get("cancel_at_period_end")));
		}
		JsonObject metadata = subscription.getAsJsonObject("metadata");
		params.forEach((key, value) -> {
			if (key.startsWith("metadata[")) {
				String name = key.substring("metadata[".length(), key.length() - 1);
				if (value.isEmpty()) {
					metadata.remove(name);
				}
				else {
					metadata.addProperty(name, value);
				}
			}
		});
		if (params.containsKey("cancellation_details[feedback]")
				|| params.containsKey("cancellation_details[comment]")) {
			subscription.add("cancellation_details", json("comment", params.get("cancellation_details[comment]"),
					"feedback", params.get("cancellation_details[feedback]"), "reason", "cancellation_requested"));
		}
		subscription.add("pending_update", null);
		return new Answer(200, subscription.toString());
	}

	private Answer createdPrice(Map<String, String> params) {
		JsonObject price = json("id", id("price_"), "object", "price", "currency", params.get("currency"),
				"unit_amount", Long.parseLong(params.get("unit_amount")), "lookup_key", params.get("lookup_key"),
				"product", params.get("product"), "active", true, "type", "recurring");
		price.add("recurring", json("interval", params.get("recurring[interval]"), "interval_count", 1));
		price.add("metadata", json("tier", params.get("metadata[tier]")));
		return created(price);
	}

	private Answer createdSession(Map<String, String> params) {
		String id = id("cs_test_");
		JsonObject session = json("id", id, "object", "checkout.session", "mode", params.get("mode"), "customer",
				params.get("customer"), "client_reference_id", params.get("client_reference_id"), "status", "open",
				"payment_status", "unpaid", "success_url", params.get("success_url"), "cancel_url",
				params.get("cancel_url"), "url", "https://checkout.stripe.com/c/pay/" + id);
		session.add("subscription", null);
		session.add("payment_intent", null);
		session.add("metadata", json("checkout_id", params.get("metadata[checkout_id]")));
		JsonObject kept = new JsonObject();
		params.forEach(kept::addProperty);
		session.add("__params", kept);
		return created(session);
	}

	private static Map<String, String> paramsOf(JsonObject session) {
		return session.getAsJsonObject("__params")
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().getAsString()));
	}

	private JsonObject priceFromData(Map<String, String> params) {
		JsonObject price = json("id", id("price_"), "object", "price", "currency",
				params.get("line_items[0][price_data][currency]"), "unit_amount",
				Long.parseLong(params.get("line_items[0][price_data][unit_amount]")), "active", true, "type",
				"recurring");
		price.add("recurring",
				json("interval", params.get("line_items[0][price_data][recurring][interval]"), "interval_count", 1));
		price.add("metadata", new JsonObject());
		put(price);
		return price;
	}

	private Answer created(JsonObject object) {
		put(object);
		return new Answer(200, object.toString());
	}

	private Answer list(Predicate<JsonObject> filter) {
		JsonArray data = new JsonArray();
		this.objects.values().stream().filter(filter).forEach(data::add);
		return new Answer(200, listOf(data).toString());
	}

	private static JsonObject listOf(JsonArray data) {
		JsonObject list = json("object", "list", "has_more", false, "url", "/v1/list");
		list.add("data", data);
		return list;
	}

	private static Answer notFound() {
		return new Answer(404, error("invalid_request_error", "No such object"));
	}

	private static String error(String type, String message) {
		return json("error", json("type", type, "message", message)).toString();
	}

	private synchronized Fault takeFault(String method, String path) {
		for (Fault fault : this.faults) {
			if ((fault.method() == null || fault.method().equals(method)) && path.startsWith(fault.pathPrefix())
					&& fault.remaining() > 0) {
				this.faults.remove(fault);
				if (fault.skip() > 0) {
					this.faults.add(new Fault(fault.method(), fault.pathPrefix(), fault.skip() - 1, fault.remaining(),
							fault.status(), fault.stall()));
					return null;
				}
				if (fault.remaining() > 1) {
					this.faults.add(new Fault(fault.method(), fault.pathPrefix(), 0, fault.remaining() - 1,
							fault.status(), fault.stall()));
				}
				return fault;
			}
		}
		return null;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Request-Id", "req_" + id(""));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> decode(String form) {
		Map<String, String> params = new LinkedHashMap<>();
		if (form == null || form.isBlank()) {
			return params;
		}
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			params.put(key, value);
		}
		return params;
	}

	private static JsonObject invoicePayment(String invoice, String paymentIntent, long amount, String currency) {
		JsonObject payment = json("id", id("inpay_"), "object", "invoice_payment", "invoice", invoice, "status", "paid",
				"amount_paid", amount, "currency", currency, "is_default", true);
		payment.add("payment", json("type", "payment_intent", "payment_intent", paymentIntent));
		return payment;
	}

	private static JsonObject charge(String id, String paymentIntent, String customer, long amount, Instant at,
			String currency) {
		return json("id", id, "object", "charge", "amount", amount, "amount_refunded", 0, "currency", currency,
				"customer", customer, "payment_intent", paymentIntent, "status", "succeeded", "paid", true, "refunded",
				false, "disputed", false, "created", at.getEpochSecond());
	}

	private static JsonObject metadata(Map<String, String> metadata) {
		JsonObject object = new JsonObject();
		metadata.forEach(object::addProperty);
		return object;
	}

	static String string(JsonObject object, String member) {
		JsonElement element = (object != null) ? object.get(member) : null;
		return (element != null && !element.isJsonNull()) ? element.getAsString() : null;
	}

	static JsonObject json(Object... keysAndValues) {
		JsonObject object = new JsonObject();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			String key = (String) keysAndValues[i];
			Object value = keysAndValues[i + 1];
			if (value == null) {
				object.add(key, null);
			}
			else if (value instanceof JsonElement element) {
				object.add(key, element);
			}
			else if (value instanceof Number number) {
				object.addProperty(key, number);
			}
			else if (value instanceof Boolean bool) {
				object.addProperty(key, bool);
			}
			else {
				object.addProperty(key, value.toString());
			}
		}
		return object;
	}

	static JsonObject parse(String json) {
		return JsonParser.parseString(json).getAsJsonObject();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One request the service sent. */
	record Request(String method, String path, Map<String, String> params, String idempotencyKey) {
	}

	/**
	 * A GET answered: its path and parameters, when it came in and when its answer was
	 * ready to go (nanoTime).
	 */
	record Served(String path, Map<String, String> params, long started, long ended) {

		boolean overlaps(Served other) {
			return this.started < other.ended && other.started < this.ended;
		}

	}

	/**
	 * What was paid: the subscription (if any), its invoice, the payment intent, the
	 * charge.
	 */
	record Paid(String subscription, String invoice, String paymentIntent, String charge) {
	}

	/**
	 * @param method {@code null} for any
	 */
	private record Fault(String method, String pathPrefix, int skip, int remaining, int status, Duration stall) {
	}

	private record Answer(int status, String body) {
	}

}
