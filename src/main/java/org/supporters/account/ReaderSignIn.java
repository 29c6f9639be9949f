package org.supporters.account;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import org.supporters.membership.MembershipCookie;
import org.supporters.membership.MembershipService;

/**
 * Signs a reader in on this browser: a session (in PostgreSQL) whose principal is the
 * supporter id, and the membership cookie. Also used by the pledge flow, so that a reader
 * is signed in right after checkout without a mail.
 */
@Component
public class ReaderSignIn {

	static final Duration SESSION_LIFETIME = Duration.ofDays(30);

	static final String READER = "ROLE_READER";

	private final MembershipService memberships;

	private final MembershipCookie cookie;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ReaderSignIn(MembershipService memberships, MembershipCookie cookie,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.memberships = memberships;
		this.cookie = cookie;
		this.sessions = sessions;
	}

	/**
	 * Signs in the supporter who paid with this email, after a checkout the provider
	 * confirmed in this very request.
	 * @return whether there was such a supporter
	 */
	public boolean signInAfterCheckout(String email, HttpServletRequest request, HttpServletResponse response) {
		Optional<UUID> supporterId = this.memberships.supporterIdOf(email);
		supporterId.ifPresent((id) -> signIn(id, request, response));
		return supporterId.isPresent();
	}

	void signIn(UUID supporterId, HttpServletRequest request, HttpServletResponse response) {
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			// a new id for the signed-in session: an id planted before sign-in is useless
			request.changeSessionId();
		}
		HttpSession session = request.getSession(true);
		session.setMaxInactiveInterval((int) SESSION_LIFETIME.toSeconds());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(supporterId.toString(), null,
				List.of(new SimpleGrantedAuthority(READER))));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.cookie.refresh(supporterId, request, response);
	}

	/**
	 * Ends this browser's session; the reader's membership tokens answer for them only
	 * once seen again with a live session, on every instance.
	 */
	void signOut(HttpServletRequest request, HttpServletResponse response) {
		Optional<UUID> reader = Optional.ofNullable(request.getUserPrincipal())
			.map(Principal::getName)
			.flatMap(ReaderSignIn::supporterId);
		endThisSession(request, response);
		reader.ifPresent(this.cookie::revoke);
	}

	/** Ends every session of the reader, on every browser and instance. */
	void signOutEverywhere(UUID supporterId, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.findByPrincipalName(supporterId.toString()).keySet().forEach(this.sessions::deleteById);
		this.cookie.revoke(supporterId);
		endThisSession(request, response);
	}

	private void endThisSession(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		this.cookie.clear(response);
	}

	private static Optional<UUID> supporterId(String principalName) {
		try {
			return Optional.of(UUID.fromString(principalName));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
