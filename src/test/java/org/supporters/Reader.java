package org.supporters;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reader's browser without the browser: keeps cookies, reads the CSRF token and the
 * form's attempt token from pages, posts forms and does not follow redirects (tests look
 * at them).
 */
public final class Reader {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern ATTEMPT = Pattern.compile("name=\"attempt\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Reader(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * Sends this header with every request, e.g. {@code X-Forwarded-For} to come from
	 * another client address through the (loopback, so trusted) proxy.
	 */
	public Reader withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public HttpResponse<String> get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build());
	}

	/**
	 * A GET with these headers (e.g. {@code Accept: application/json}, {@code Origin}).
	 */
	public HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Posts the form with the CSRF token of the page it came from. */
	public HttpResponse<String> post(String pathOrUrl, String page, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.putIfAbsent("_csrf", csrfToken(page));
		return postRaw(pathOrUrl, withToken);
	}

	/** Posts exactly these fields, CSRF token or not. */
	public HttpResponse<String> postRaw(String pathOrUrl, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts a multipart form with one file, with the CSRF token of the page it came from
	 * in the address (a too-large body must not hide the token).
	 */
	public HttpResponse<String> postFile(String path, String page, Map<String, String> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "----supporters" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Disposition: form-data; name=\"")
			.append(fileField)
			.append("\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: text/csv\r\n\r\n");
		body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path + "?_csrf=" + encode(csrfToken(page))))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/**
	 * Opens /support and sends the pledge form; the answer is a redirect to the provider,
	 * or the page with errors.
	 */
	public HttpResponse<String> pledge(Map<String, String> fields) {
		String page = get("/support").body();
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.putIfAbsent("attempt", attemptToken(page));
		return post("/support", page, form);
	}

	/**
	 * Pays on the sandbox checkout page the pledge redirected to; returns the sandbox's
	 * answer.
	 */
	public HttpResponse<String> pay(HttpResponse<String> redirectToCheckout, String card) {
		String checkoutUrl = location(redirectToCheckout);
		String page = get(checkoutUrl).body();
		return post(checkoutUrl + "/pay", page, Map.of("card", card));
	}

	public static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("expected a redirect, got " + response.statusCode()));
	}

	public static String csrfToken(String page) {
		return find(CSRF, page, "CSRF token");
	}

	public static String attemptToken(String page) {
		return find(ATTEMPT, page, "attempt token");
	}

	private static String find(Pattern pattern, String page, String what) {
		Matcher matcher = pattern.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no " + what + " in the page");
		}
		return matcher.group(1);
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
	}

	private HttpResponse<String> send(HttpRequest original) {
		HttpRequest.Builder withHeaders = HttpRequest.newBuilder(original, (name, value) -> true);
		this.headers.forEach(withHeaders::setHeader);
		HttpRequest request = withHeaders.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
