package org.supporters.membership;

import java.security.Principal;
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
 * longer matching the membership, so the usual membership call signs nothing; and once
 * this instance has seen it with the reader's session, it answers the membership call
 * without the session (see {@link MembershipCache}).
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
	 * The membership JSON's answer for the reader of this request. A token this instance
	 * confirmed against the reader's session answers from memory; otherwise (no token,
	 * past half its life, or the reader's membership or sessions changed since) the
	 * session says who the reader is, and the cookie is set, renewed or removed to match.
	 */
	Membership answer(HttpServletRequest request, HttpServletResponse response) {
		Optional<String> token = value(request);
		if (token.isPresent()) {
			Membership known = this.memberships.answerFor(token.get());
			if (known != null) {
				return known;
			}
		}
		// before the session is read: a revocation meanwhile is not remembered past
		long version = this.memberships.version();
		return refresh(readerId(request.getUserPrincipal()), token, request, response, version);
	}

	/**
	 * The reader's membership, with the cookie set, renewed or removed to match it.
	 * @param supporterId the signed-in reader, or {@code null} for none
	 */
	public Membership refresh(UUID supporterId, HttpServletRequest request, HttpServletResponse response) {
		return refresh(supporterId, value(request), request, response, this.memberships.version());
	}

	private Membership refresh(UUID supporterId, Optional<String> current, HttpServletRequest request,
			HttpServletResponse response, long version) {
		if (supporterId == null) {
			current.ifPresent((token) -> clear(response));
			return Membership.NONE;
		}
		MembershipCache.Derived derived = this.memberships.derived(supporterId);
		Membership membership = derived.membership();
		Instant now = this.clock.instant();
		if (!membership.member()) {
			current.ifPresent((token) -> clear(response));
			return membership;
		}
		Optional<MembershipTokens.TokenClaims> fitting = current.flatMap((token) -> this.tokens.verify(token, now))
			.filter((claims) -> claims.stillFits(supporterId, membership, now));
		if (fitting.isPresent()) {
			this.memberships.confirm(current.get(), supporterId, derived, fitting.get().halfLife(), now, version);
			return membership;
		}
		this.tokens.issue(supporterId, membership, now).ifPresentOrElse((issued) -> {
			set(response, issued.token(), Duration.between(now, issued.expiresAt()));
			this.memberships.confirm(issued.token(), supporterId, derived, issued.halfLife(), now, version);
		}, () -> clear(response));
		return membership;
	}

	/**
	 * Stops the reader's tokens from answering for them on every instance (this one at
	 * once), e.g. when their sessions end: each instance reads the session again.
	 */
	public void revoke(UUID supporterId) {
		this.memberships.revoke(supporterId);
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

	/** The signed-in reader's supporter id: the account module signs readers in by it. */
	private static UUID readerId(Principal principal) {
		if (principal == null) {
			return null;
		}
		try {
			return UUID.fromString(principal.getName());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
