package org.supporters.staff;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.generated.Tables.AUDIT_LOG;
import static org.jooq.generated.Tables.STAFF_USER;

/** Staff sign-in, roles, lockout, and what admins alone may do. */
class StaffLoginTests extends IntegrationTest {

	private static final String PASSWORD = "a long staff password";

	@Autowired
	DSLContext db;

	@Test
	void anonymousVisitorsOfStaffPagesAreSentToTheLoginPage() {
		StaffMember anonymous = StaffMember.anonymous(this.port);
		for (String path : List.of("/staff", "/staff/supporters", "/staff/supporters/export.csv",
				"/staff/payments/export.csv", "/staff/admin/staff", "/staff/admin/audit")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(Reader.location(response)).as(path).endsWith("/staff/login");
		}
		HttpResponse<String> login = anonymous.get("/staff/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("Staff sign-in").contains("name=\"_csrf\"");
		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
	}

	@Test
	void theFirstAdminFromTheEnvironmentSignsInAndSeesTheDashboard() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> dashboard = admin.get("/staff");

		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Active supporters").contains("Audit log");
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() {
		StaffMember someone = StaffMember.anonymous(this.port);

		HttpResponse<String> response = someone.signIn(ADMIN_EMAIL.toUpperCase(), "not the password");

		assertThat(Reader.location(response)).endsWith("/staff/login?error");
		assertThat(someone.get("/staff/login?error").body()).contains("Wrong email or password");
		assertThat(someone.get("/staff").statusCode()).isEqualTo(302);
	}

	@Test
	void signInWithoutTheFormsCsrfTokenIsRefused() {
		Reader reader = new Reader(this.port);
		reader.get("/staff/login");

		HttpResponse<String> response = reader.postRaw("/staff/login",
				Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("This form has expired");
	}

	@Test
	void oneAddressTryingManyAccountsIsStoppedBeforeThePasswordIsChecked() {
		String address = "198.51.100." + (1 + new Random().nextInt(250));
		StaffMember attacker = StaffMember.anonymous(new Reader(this.port).withHeader("X-Forwarded-For", address));
		for (int i = 0; i < StaffSecurityConfiguration.FAILED_SIGN_INS_PER_ADDRESS; i++) {
			assertThat(Reader.location(attacker.signIn("nobody-" + UUID.randomUUID() + "@example.org", "guess " + i)))
				.endsWith("?error");
		}

		HttpResponse<String> refused = attacker.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(Reader.location(refused)).as("even the right password").endsWith("?tooMany");
		assertThat(new Reader(this.port).withHeader("X-Forwarded-For", address).get(Reader.location(refused)).body())
			.contains("Too many wrong passwords from your network");
		StaffMember elsewhere = StaffMember.anonymous(
				new Reader(this.port).withHeader("X-Forwarded-For", "192.0.2." + (1 + new Random().nextInt(250))));
		assertThat(Reader.location(elsewhere.signIn(ADMIN_EMAIL, ADMIN_PASSWORD))).as("another address")
			.endsWith("/staff");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String email = admin.addStaff("STAFF", PASSWORD);
		StaffMember attacker = StaffMember.anonymous(this.port);

		for (int i = 0; i < 5; i++) {
			assertThat(Reader.location(attacker.signIn(email, "guess number " + i))).endsWith("?error");
		}

		assertThat(Reader.location(StaffMember.anonymous(this.port).signIn(email, PASSWORD))).endsWith("?error");
		assertThat(this.db.select(STAFF_USER.LOCKED_UNTIL)
			.from(STAFF_USER)
			.where(STAFF_USER.EMAIL.eq(email))
			.fetchSingle()
			.value1()).isNotNull();
		assertThat(this.db.fetchCount(AUDIT_LOG,
				AUDIT_LOG.ACTION.eq("staff.sign-in-locked").and(AUDIT_LOG.DETAILS.cast(String.class).contains(email))))
			.isEqualTo(1);
	}

	@Test
	void adminAddsStaffWhoSignInAndDisablingThemEndsTheirSessionAndSignIn() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String email = admin.addStaff("STAFF", PASSWORD);
		StaffMember signedIn = StaffMember.signedIn(this.port, email, PASSWORD);
		assertThat(signedIn.get("/staff").statusCode()).isEqualTo(200);
		long id = this.db.select(STAFF_USER.ID)
			.from(STAFF_USER)
			.where(STAFF_USER.EMAIL.eq(email))
			.fetchSingle()
			.value1();

		HttpResponse<String> disabled = admin.postForm("/staff/admin/staff", "/staff/admin/staff/" + id + "/enabled",
				Map.of("enabled", "false"));

		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(Reader.location(signedIn.get("/staff"))).as("the session they had is over").endsWith("/staff/login");
		assertThat(Reader.location(StaffMember.anonymous(this.port).signIn(email, PASSWORD))).endsWith("?error");
		assertThat(admin.get("/staff/admin/audit").body()).contains("staff.disable").contains("staff:" + id);
	}

	@Test
	void theAddStaffFormSaysWhatIsWrongWithEachField() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> response = admin.postForm("/staff/admin/staff", "/staff/admin/staff",
				Map.of("email", "not-an-email", "displayName", " ", "password", "short", "role", "ROOT"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Enter an email address such as name@example.com.")
			.contains("Enter a name.")
			.contains("A password has between 12 and 72 characters.")
			.contains("Choose Admin or Staff.");

		HttpResponse<String> taken = admin.postForm("/staff/admin/staff", "/staff/admin/staff",
				Map.of("email", ADMIN_EMAIL, "displayName", "Again", "password", PASSWORD, "role", "STAFF"));
		assertThat(taken.body()).contains("There is already a staff user with this email address.");
	}

	@Test
	void staffCannotUseAnyAdminAction() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		StaffMember staff = StaffMember.signedIn(this.port, admin.addStaff("STAFF", PASSWORD), PASSWORD);
		String supporter = "00000000-0000-0000-0000-000000000001";

		for (String path : List.of("/staff/admin/staff", "/staff/admin/audit", "/staff/admin/inbox",
				"/staff/admin/api-keys")) {
			assertThat(staff.get(path).statusCode()).as("GET " + path).isEqualTo(403);
		}
		Map<String, Map<String, String>> posts = new LinkedHashMap<>();
		posts.putAll(Map.of("/staff/admin/staff",
				Map.of("email", "x@example.com", "displayName", "X", "password", PASSWORD, "role", "ADMIN"),
				"/staff/admin/staff/1/enabled", Map.of("enabled", "false"),
				"/staff/admin/supporters/" + supporter + "/comps",
				Map.of("tier", "friend", "validUntil", "2099-01-01", "reason", "r"),
				"/staff/admin/supporters/" + supporter + "/comps/" + supporter + "/revoke", Map.of(),
				"/staff/admin/inbox/1/retry", Map.of(), "/staff/admin/api-keys", Map.of("name", "Sneaky"),
				"/staff/admin/api-keys/" + supporter + "/revoke", Map.of()));
		posts.forEach((path, fields) -> {
			HttpResponse<String> response = staff.postForm("/staff", path, fields);
			assertThat(response.statusCode()).as("POST " + path).isEqualTo(403);
			assertThat(response.body()).as("POST " + path).contains("Only an admin may do that.");
		});
		assertThat(staff.get("/staff").body()).doesNotContain("Audit log");
	}

	@Test
	void aStaffSessionTimesOutAfterThirtyIdleMinutesAndLivesInPostgreSQL(@Autowired JdbcTemplate jdbc) {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String email = admin.addStaff("STAFF", PASSWORD);
		StaffMember staff = StaffMember.signedIn(this.port, email, PASSWORD);
		assertThat(staff.get("/staff").statusCode()).isEqualTo(200);

		assertThat(jdbc.queryForList("select max_inactive_interval from spring_session where principal_name = ?",
				Integer.class, email))
			.containsExactly(30 * 60);
	}

	@Test
	void blankAdminSettingsCountAsUnset() {
		assertThat(new AdminProperties(" ", " ").isSet()).isFalse();
		assertThat(new AdminProperties(" ", " ").isPartlySet()).isFalse();
		assertThat(new AdminProperties("a@example.com", "").isPartlySet()).isTrue();
		assertThat(new AdminProperties("a@example.com", "secret").isSet()).isTrue();
	}

}
