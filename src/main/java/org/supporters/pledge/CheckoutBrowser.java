package org.supporters.pledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import org.supporters.platform.AppSecrets;
import org.supporters.platform.SupportersProperties;

/**
 * Knows the browser that started a checkout: only it is shown the reader's email and name
 * again (on the support page after a canceled payment, and on the thank-you page), not
 * whoever holds the URL. A signed cookie instead of a server session: the support pages
 * stay sessionless, and any instance can check it.
 */
@Component
class CheckoutBrowser {

	static final String COOKIE = "supporters_checkout";

	private static final Duration LIFETIME = Duration.ofDays(1);

	private final AppSecrets secrets;

	private final SupportersProperties properties;

	CheckoutBrowser(AppSecrets secrets, SupportersProperties properties) {
		this.secrets = secrets;
		this.properties = properties;
	}

	/** Marks this browser as the one that started the checkout. */
	void mark(UUID checkoutId, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value(checkoutId))
			.path("/support")
			.httpOnly(true)
			.secure(this.properties.secureCookies())
			// sent on the provider's redirect back, a top-level navigation
			.sameSite("Lax")
			.maxAge(LIFETIME)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/** Whether this request comes from the browser that started the checkout. */
	boolean startedHere(UUID checkoutId, HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		byte[] expected = value(checkoutId).getBytes(StandardCharsets.US_ASCII);
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())
					&& MessageDigest.isEqual(expected, cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

	private String value(UUID checkoutId) {
		return checkoutId + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(this.secrets.hmac("checkout-browser", checkoutId.toString()));
	}

}
