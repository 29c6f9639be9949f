package org.supporters.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import org.supporters.platform.SupportersProperties;

/**
 * The {@code supporters_membership} cookie that carries the signed membership token to
 * the site's pages and edges. It is re-signed only when missing, past half its life or no
 * longer matching the membership, so the usual membership call signs nothing.
 */
@Component
public class MembershipCookie {

	static final String NAME = "supporters_membership";

	private final MembershipCache memberships;

	private final MembershipTokens tokens;

	private final SupportersProperties properties;

	private final Clock clock;

	MembershipCookie(MembershipCache memberships, MembershipTokens tokens, SupportersProperties properties,
			Clock clock) {
		this.memberships = memberships;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The reader's membership, with the cookie set, renewed or removed to match it.
	 * @param supporterId the signed-in reader, or {@code null} for none
	 */
	public Membership refresh(UUID supporterId, HttpServletRequest request, HttpServletResponse response) {
		Membership membership = (supporterId != null) ? this.memberships.membershipOf(supporterId) : Membership.NONE;
		Optional<String> current = value(request);
		Instant now = this.clock.instant();
		if (!membership.member()) {
			current.ifPresent((token) -> clear(response));
			return membership;
		}
		boolean fits = current.flatMap((token) -> this.tokens.verify(token, now))
			.filter((claims) -> claims.stillFits(supporterId, membership, now))
			.isPresent();
		if (!fits) {
			this.tokens.issue(supporterId, membership, now)
				.ifPresentOrElse((issued) -> set(response, issued.token(), Duration.between(now, issued.expiresAt())),
						() -> clear(response));
		}
		return membership;
	}

	/** Removes the cookie from this browser. */
	public void clear(HttpServletResponse response) {
		set(response, "", Duration.ZERO);
	}

	private void set(HttpServletResponse response, String value, Duration maxAge) {
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(NAME, value)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.secure(this.properties.secureCookies())
			.maxAge(maxAge);
		if (this.properties.cookieDomain() != null && !this.properties.cookieDomain().isBlank()) {
			cookie.domain(this.properties.cookieDomain());
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
	}

	private static Optional<String> value(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

}
