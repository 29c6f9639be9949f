import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Stripe API as far as bench/webhooks needs it: GET /v1/subscriptions/sub_benchN
 * answers an active monthly subscription of customer cus_benchN, after the latency, as
 * Stripe over the internet would; POST /bench/latency/MS sets the latency. Anything else
 * is 404.
 *
 *   java bench/FakeStripe.java PORT LATENCY_MS
 */
public class FakeStripe {

	private static volatile long latency;

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		latency = Long.parseLong(args[1]);
		// without it, small answers wait for delayed ACKs
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		long periodStart = Instant.now().getEpochSecond() - 86_400;
		server.createContext("/", (exchange) -> answer(exchange, periodStart));
		// threads that mostly sleep: more than the service reads at once
		server.setExecutor(Executors.newFixedThreadPool(256));
		server.start();
		System.out.println("fake Stripe on port " + port);
	}

	private static void answer(HttpExchange exchange, long periodStart) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			if ("POST".equals(exchange.getRequestMethod()) && path.startsWith("/bench/latency/")) {
				latency = Long.parseLong(path.substring("/bench/latency/".length()));
				respond(exchange, 200, "{\"latency\":" + latency + "}");
				return;
			}
			if (latency > 0) {
				try {
					Thread.sleep(latency);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			String prefix = "/v1/subscriptions/sub_bench";
			if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith(prefix)) {
				respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such object\"}}");
				return;
			}
			String n = path.substring(prefix.length());
			String id = "sub_bench" + n;
			respond(exchange, 200, """
					{"id":"%s","object":"subscription","customer":"cus_bench%s","status":"active",
					"cancel_at_period_end":false,"cancel_at":null,"canceled_at":null,"created":%d,"livemode":false,
					"metadata":{"tier":"friend"},"latest_invoice":null,
					"cancellation_details":{"comment":null,"feedback":null,"reason":null},
					"items":{"object":"list","has_more":false,"url":"/v1/subscription_items","data":[
					{"id":"si_bench_%s","object":"subscription_item","quantity":1,"subscription":"%s",
					"current_period_start":%d,"current_period_end":%d,
					"price":{"id":"price_bench","object":"price","currency":"eur","unit_amount":500,"active":true,
					"type":"recurring","recurring":{"interval":"month","interval_count":1},"metadata":{}}}]}}"""
				.formatted(id, n, periodStart, n, id, periodStart, periodStart + 30 * 86_400));
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Request-Id", "req_bench");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
