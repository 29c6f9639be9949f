package org.supporters.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created at start-up when there are no staff yet. Blank values count as
 * unset.
 *
 * @param email {@code SUPPORTERS_ADMIN_EMAIL}
 * @param password {@code SUPPORTERS_ADMIN_PASSWORD}
 */
@ConfigurationProperties("supporters.admin")
record AdminProperties(String email, String password) {

	boolean isSet() {
		return this.email != null && !this.email.isBlank() && this.password != null && !this.password.isBlank();
	}

	boolean isPartlySet() {
		return !isSet() && ((this.email != null && !this.email.isBlank())
				|| (this.password != null && !this.password.isBlank()));
	}

}
