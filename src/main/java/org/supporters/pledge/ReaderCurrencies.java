package org.supporters.pledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.pledge.CurrencyChoice.Chosen;
import org.supporters.pledge.CurrencyChoice.Signals;

/**
 * The reader's currency for a request to the support page (see {@link CurrencyChoice}),
 * and the cookie that remembers a currency the reader picked.
 */
@Component
class ReaderCurrencies {

	static final String COOKIE = "supporters_currency";

	/** The CDNs' own headers, after the one the operator names. */
	static final List<String> COUNTRY_HEADERS = List.of("CF-IPCountry", "CloudFront-Viewer-Country");

	private static final Duration REMEMBERED_FOR = Duration.ofDays(365);

	private final Catalog catalog;

	private final List<String> countryHeaders;

	ReaderCurrencies(Catalog catalog, CurrencyChoiceProperties properties) {
		this.catalog = catalog;
		List<String> headers = new ArrayList<>();
		if (properties.countryHeader() != null) {
			headers.add(properties.countryHeader());
		}
		headers.addAll(COUNTRY_HEADERS);
		this.countryHeaders = List.copyOf(headers);
	}

	/**
	 * @param picked the currency the reader picked now ({@code ?currency=}, or the form's
	 * field), or null
	 */
	Chosen choose(HttpServletRequest request, String picked) {
		List<String> countries = this.countryHeaders.stream().map(request::getHeader).toList();
		Signals signals = new Signals(picked, remembered(request), countries,
				request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		// one read of the offered currencies, however many candidates the request names
		Set<String> offered = Set.copyOf(this.catalog.offeredCurrencies());
		return CurrencyChoice.choose(signals, offered::contains, this.catalog.currency());
	}

	/**
	 * Remembers the reader's pick for their next visit: not HttpOnly (it is no secret),
	 * SameSite=Lax, Secure over HTTPS.
	 */
	void remember(String currency, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(COOKIE, currency)
					.path("/")
					.maxAge(REMEMBERED_FOR)
					.sameSite("Lax")
					.secure(request.isSecure())
					.build()
					.toString());
	}

	private static String remembered(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
