package org.supporters.staff;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in staff member: Spring Security's user plus the staff user's id. */
class StaffPrincipal extends User {

	private final long id;

	private final String displayName;

	StaffPrincipal(StaffUser staff, boolean locked) {
		super(staff.email(), staff.passwordHash(), staff.enabled(), true, true, !locked,
				List.of(new SimpleGrantedAuthority("ROLE_" + staff.role())));
		this.id = staff.id();
		this.displayName = staff.displayName();
	}

	long id() {
		return this.id;
	}

	String displayName() {
		return this.displayName;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
