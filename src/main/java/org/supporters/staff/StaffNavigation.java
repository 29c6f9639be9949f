package org.supporters.staff;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every staff page what its navigation shows: who is signed in, and admin links.
 */
@ControllerAdvice
class StaffNavigation {

	private final SignedInStaff staff;

	StaffNavigation(SignedInStaff staff) {
		this.staff = staff;
	}

	@ModelAttribute("staffIsAdmin")
	boolean staffIsAdmin(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/staff") && this.staff.isAdmin();
	}

}
