package org.supporters.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.supporters.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the loopback proxy trusted ({@code SUPPORTERS_TRUSTED_PROXIES}, as the tests set
 * it), the client is the right-most address of X-Forwarded-For that is not a trusted
 * proxy: what a client writes to the left of it changes nothing.
 */
class TrustedProxiesTests extends IntegrationTest {

	static final int WRONG_KEYS_ALLOWED = 10;

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theRightMostUntrustedAddressCountsSoAForgedLeftPartDoesNotResetALimit() {
		Random random = new Random();
		String client = "203.0.113." + (1 + random.nextInt(250));
		for (int i = 0; i < WRONG_KEYS_ALLOWED; i++) {
			assertThat(wrongKey(this.port, "10.9." + random.nextInt(250) + "." + i + ", " + client)).isEqualTo(401);
		}

		assertThat(wrongKey(this.port, "6.6.6.6, " + client)).as("a new forged address on the left").isEqualTo(429);
		assertThat(wrongKey(this.port, "198.51.100." + (1 + random.nextInt(250)))).as("another client").isEqualTo(401);
	}

	/** A members API call with a wrong key; its status. */
	static int wrongKey(int port, String forwardedFor) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/members?email=reader@example.org"))
			.header("Authorization", "Bearer wrong-key");
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
