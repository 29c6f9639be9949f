package org.supporters.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.supporters.platform.EmailAddresses;

/** An admin's form to add a staff member. */
record NewStaffForm(
		@NotBlank(message = "Enter an email address.") @Pattern(regexp = EmailAddresses.REGEX,
				message = "Enter an email address such as name@example.com.") @Size(max = 254,
						message = "An email address has at most 254 characters.") String email,
		@NotBlank(message = "Enter a name.") @Size(max = 100,
				message = "A name has at most 100 characters.") String displayName,
		@NotBlank(message = "Enter a password.") @Size(min = 12, max = 72,
				message = "A password has between 12 and 72 characters.") String password,
		@NotBlank(message = "Choose a role.") @Pattern(regexp = "ADMIN|STAFF",
				message = "Choose Admin or Staff.") String role) {

	static NewStaffForm empty() {
		return new NewStaffForm("", "", "", "STAFF");
	}

}
