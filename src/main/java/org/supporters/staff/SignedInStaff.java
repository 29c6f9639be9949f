package org.supporters.staff;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in to the staff pages on this request. */
@Component
public class SignedInStaff {

	/** The signed-in staff user's id, or empty outside a staff request. */
	public Optional<Long> id() {
		return principal().map(StaffPrincipal::id);
	}

	public boolean isAdmin() {
		return principal()
			.map((staff) -> staff.getAuthorities()
				.stream()
				.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority())))
			.orElse(false);
	}

	private static Optional<StaffPrincipal> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff)
				? Optional.of(staff) : Optional.empty();
	}

}
