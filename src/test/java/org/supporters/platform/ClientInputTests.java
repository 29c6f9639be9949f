package org.supporters.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.supporters.IntegrationTest;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the answer is never a 5xx: every route the service maps (read
 * from Spring MVC itself, so a new route is covered the day it is added) is sent a NUL
 * character in each of its parameters, bytes that are not UTF-8, and a garbage session
 * cookie; headers too long or holding NUL are tried on the raw connection. Every answer
 * carries the same security headers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientInputTests extends IntegrationTest {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void aNulCharacterInAnyParameterOfAnyRouteIsA400ThatNamesTheField() {
		List<Route> routes = routes();
		assertThat(routes).as("the sweep sees the service's routes").hasSizeGreaterThan(40);
		for (Route route : routes) {
			for (String parameter : route.parameters()) {
				HttpResponse<String> answer = send(route, parameter + "=a%00b", "text/html");
				assertThat(answer.statusCode()).as("%s with a NUL in %s", route, parameter).isEqualTo(400);
				assertThat(answer.body()).as("%s with a NUL in %s", route, parameter)
					.contains("The field &#39;" + parameter + "&#39; holds a character that cannot be stored");
			}
		}
	}

	@Test
	void aGermanReaderIsToldAboutTheNulInGerman() {
		HttpRequest german = HttpRequest.newBuilder(URI.create(url("/support?email=a%00b")))
			.header("Accept", "text/html")
			.header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")
			.GET()
			.build();

		HttpResponse<String> answer = send(german);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("lang=\"de\"")
			.contains("Das Feld „email“ enthält ein Zeichen, das nicht gespeichert werden kann")
			.doesNotContain("holds a character");
	}

	@Test
	void aLongValueInAnyParameterOfAnyPageIsNoServerErrorEvenForAnAdmin() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String longValue = "x".repeat(5_000);
		for (Route route : routes()) {
			// pages only: a form sent with made-up values could change the shared data
			if (!route.method().equals("GET")) {
				continue;
			}
			for (String parameter : route.parameters()) {
				HttpResponse<String> answer = admin.get(route.path() + "?" + parameter + "=" + longValue);
				assertThat(answer.statusCode()).as("%s with 5,000 characters in %s", route, parameter).isLessThan(500);
			}
		}
	}

	@Test
	void programsAreToldAboutTheNulInAProblemDetail() {
		HttpResponse<String> answer = send(new Route("GET", "/api/v1/members", List.of("email")),
				"email=reader%00@example.org", "application/json");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"status\":400",
				"The field 'email' holds a character that cannot be stored");
	}

	@Test
	void parametersThatAreNotUtf8AreA400WithOneWarnLineAndNoStackTrace(CapturedOutput output) {
		int before = output.getAll().length();
		List<Route> routes = routes();
		for (Route route : routes) {
			String parameter = route.parameters().get(0);
			HttpResponse<String> answer = send(route, parameter + "=%C3%28%FF", "text/html");
			assertThat(answer.statusCode()).as("%s with bytes that are not UTF-8", route).isEqualTo(400);
		}
		String logged = output.getAll().substring(before);
		assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat ");
		assertThat(logged.lines().filter((line) -> line.contains(" WARN ") && line.contains("must be UTF-8")))
			.hasSize(routes.size());
	}

	@Test
	void aGarbageSessionCookieIsNoSessionOnEveryPageAndEveryAnswerCarriesTheSecurityHeaders() {
		for (Route route : routes()) {
			if (!route.method().equals("GET")) {
				continue;
			}
			HttpResponse<String> answer = send(route, null, "text/html", "SESSION=AAAA");
			assertThat(answer.statusCode()).as("%s with SESSION=AAAA", route).isLessThan(500);
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as("CSP of %s", route).isPresent();
			assertThat(answer.headers().firstValue("Referrer-Policy")).as("Referrer-Policy of %s", route).isPresent();
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("nosniff of %s", route)
				.hasValue("nosniff");
		}
	}

	@Test
	void theErrorPagesOpenedDirectlyAreNoError() {
		HttpResponse<String> error = send(new Route("GET", "/error", List.of()), null, "text/html");
		HttpResponse<String> forbidden = send(new Route("GET", "/error/forbidden", List.of()), null, "text/html");

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("You may not do that.");
	}

	@Test
	void aForwardedAddressThatIsNoAddressIsA400AndNeverReachesTheRateLimits() {
		String garbage = "x".repeat(400);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/sign-in")))
			.header("X-Forwarded-For", garbage)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=reader@example.org"))
			.build();

		HttpResponse<String> answer = send(request);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("X-Forwarded-For");
	}

	@Test
	void headersTooLongOrHoldingNulAreRefusedWithout5xx() {
		assertThat(rawStatus("GET /support HTTP/1.1\r\nHost: localhost\r\nX-Note: a\0b\r\nConnection: close\r\n\r\n"))
			.isBetween(400, 499);
		assertThat(rawStatus("GET /support HTTP/1.1\r\nHost: localhost\r\nX-Note: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n"))
			.isBetween(400, 499);
		assertThat(rawStatus("GET /api/v1/members?email=a@example.org HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer " + "k".repeat(4_000) + "\r\nConnection: close\r\n\r\n"))
			.isBetween(400, 499);
	}

	private int rawStatus(String request) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every route Spring MVC maps, with the parameters its handler reads. */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			List<String> parameters = parameters(mapping.getValue());
			for (String pattern : mapping.getKey().getPatternValues()) {
				String path = path(pattern, mapping.getValue());
				if (methods.isEmpty()) {
					routes.add(new Route("GET", path, parameters));
				}
				for (RequestMethod method : methods) {
					routes.add(new Route(method.name(), path, parameters));
				}
			}
		}
		return routes;
	}

	/** Named request parameters and form fields; "note" for a handler that reads none. */
	private static List<String> parameters(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (requestParam != null && !Map.class.isAssignableFrom(type)) {
				names.add(!requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName());
			}
			else if (type.isRecord() && parameter.getParameterAnnotation(PathVariable.class) == null) {
				for (RecordComponent component : type.getRecordComponents()) {
					names.add(component.getName());
				}
			}
			else if (requestParam == null && BeanUtils.isSimpleProperty(type)
					&& parameter.getParameterAnnotation(PathVariable.class) == null
					&& !parameter.hasParameterAnnotations()) {
				names.add(parameter.getParameterName());
			}
		}
		if (names.isEmpty()) {
			names.add("note");
		}
		return List.copyOf(names);
	}

	/** The pattern with a value of the right type in each path variable. */
	private static String path(String pattern, HandlerMethod handler) {
		Matcher variable = PATH_VARIABLE.matcher(pattern.replace("/**", "/x"));
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			Class<?> type = String.class;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				if (annotation != null
						&& (variable.group(1).equals(annotation.value()) || variable.group(1).equals(annotation.name())
								|| variable.group(1).equals(parameter.getParameterName()))) {
					type = parameter.getParameterType();
				}
			}
			String value = (type == UUID.class) ? UUID.randomUUID().toString()
					: (Number.class.isAssignableFrom(type) || type.isPrimitive()) ? "1" : "x";
			variable.appendReplacement(path, value);
		}
		variable.appendTail(path);
		return path.toString();
	}

	private HttpResponse<String> send(Route route, String query, String accept) {
		return send(route, query, accept, null);
	}

	private HttpResponse<String> send(Route route, String query, String accept, String cookie) {
		HttpRequest.Builder request;
		if (route.method().equals("GET") || route.method().equals("DELETE")) {
			request = HttpRequest.newBuilder(URI.create(url(route.path() + ((query != null) ? "?" + query : ""))))
				.method(route.method(), HttpRequest.BodyPublishers.noBody());
		}
		else {
			request = HttpRequest.newBuilder(URI.create(url(route.path())))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.method(route.method(), HttpRequest.BodyPublishers.ofString((query != null) ? query : ""));
		}
		request.header("Accept", accept);
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Route(String method, String path, List<String> parameters) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
