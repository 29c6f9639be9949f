package org.supporters;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member's browser without the browser: signs in and uses the staff pages. */
public final class StaffMember {

	private final Reader reader;

	private StaffMember(int port) {
		this.reader = new Reader(port);
	}

	private StaffMember(Reader reader) {
		this.reader = reader;
	}

	/** This browser (e.g. one coming from a given client address), not signed in. */
	public static StaffMember anonymous(Reader reader) {
		return new StaffMember(reader);
	}

	/** A fresh browser, not signed in. */
	public static StaffMember anonymous(int port) {
		return new StaffMember(port);
	}

	/** Signs in and checks that it worked. */
	public static StaffMember signedIn(int port, String email, String password) {
		StaffMember staff = new StaffMember(port);
		HttpResponse<String> response = staff.signIn(email, password);
		assertThat(Reader.location(response)).as("sign-in of %s", email).endsWith("/staff");
		return staff;
	}

	public HttpResponse<String> signIn(String email, String password) {
		String page = this.reader.get("/staff/login").body();
		return this.reader.post("/staff/login", page, Map.of("email", email, "password", password));
	}

	/**
	 * Adds a staff member through the admin page (this one must be an admin).
	 * @return the new member's email
	 */
	public String addStaff(String role, String password) {
		String email = "staff-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> added = postForm("/staff/admin/staff", "/staff/admin/staff",
				Map.of("email", email, "displayName", "Sam Staff", "password", password, "role", role));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
		return email;
	}

	public HttpResponse<String> get(String path) {
		return this.reader.get(path);
	}

	/** Opens a page and posts a form with that page's CSRF token. */
	public HttpResponse<String> postForm(String pagePath, String action, Map<String, String> fields) {
		String page = this.reader.get(pagePath).body();
		return this.reader.post(action, page, fields);
	}

	public Reader reader() {
		return this.reader;
	}

}
