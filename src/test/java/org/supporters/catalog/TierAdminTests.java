package org.supporters.catalog;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins create, edit, reorder and retire tiers, and the support page follows. */
class TierAdminTests extends IntegrationTest {

	private static final String PASSWORD = "a long staff password";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminAddsATierThatTheSupportPageOffersAtOnce() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = slug();

		HttpResponse<String> added = admin.postForm("/staff/admin/tiers", "/staff/admin/tiers",
				tierForm(slug, "Champion", "12.50", "125"));

		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(new Reader(this.port).get("/support").body()).contains("Champion", "€12.50", "€125.00");
		assertThat(auditActions("tier:" + slug)).containsExactly("tier.create");
	}

	@Test
	void adminEditsNameAndPricesButNeverTheSlug() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = slug();
		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers", tierForm(slug, "Backer", "3", "30"));
		long id = tierId(slug);

		Map<String, String> edit = tierForm("renamed-" + slug, "Backer Plus", "4.5", "45");
		HttpResponse<String> saved = admin.postForm("/staff/admin/tiers/" + id, "/staff/admin/tiers/" + id, edit);

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.queryForMap("select slug, name from tier where id = ?", id)).containsEntry("slug", slug)
			.containsEntry("name", "Backer Plus");
		assertThat(new Reader(this.port).get("/support").body()).contains("Backer Plus", "€4.50", "€45.00");
	}

	@Test
	void badTierFormIsExplainedNextToEachField() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> refused = admin.postForm("/staff/admin/tiers", "/staff/admin/tiers",
				Map.of("slug", "Not A Slug", "name", "", "benefits", "Members Only", "monthly", "ten", "yearly", "-5"));
		HttpResponse<String> taken = admin.postForm("/staff/admin/tiers", "/staff/admin/tiers",
				tierForm("supporter", "Another", "1", "10"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Use 1 to 40 lower-case letters", "Enter a name of at most 80 characters.",
				"List up to 20 benefits", "Enter the price as a number", "value=\"Not A Slug\"");
		assertThat(taken.body()).contains("There is already a tier with this name in URLs");
	}

	@Test
	void reorderingChangesTheOrderOnTheSupportPage() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String first = slug();
		String second = slug();
		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers", tierForm(first, "Order One", "2", "20"));
		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers", tierForm(second, "Order Two", "2", "20"));

		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers/" + tierId(second) + "/move",
				Map.of("direction", "up"));

		String page = new Reader(this.port).get("/support").body();
		assertThat(page.indexOf("Order Two")).isLessThan(page.indexOf("Order One"));
	}

	@Test
	void retiredTierIsNoLongerOfferedButItsPledgesGoOn() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = slug();
		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers", tierForm(slug, "Sunset", "6", "60"));
		Reader reader = new Reader(this.port);
		String email = "sunset-" + UUID.randomUUID() + "@example.org";
		reader.get(Reader.location(
				reader.pay(reader.pledge(Map.of("frequency", "monthly", "option", "tier:" + slug, "email", email)),
						"4242424242424242")));

		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers/" + tierId(slug) + "/offered",
				Map.of("offered", "false"));

		assertThat(new Reader(this.port).get("/support").body()).doesNotContain("Sunset");
		assertThat(this.jdbc.queryForObject("""
				select p.status from pledge p join supporter s on s.id = p.supporter_id where s.email = ?""",
				String.class, email))
			.isEqualTo("active");
		assertThat(auditActions("tier:" + slug)).contains("tier.retire");
	}

	@Test
	void staffCannotUseAnyTierAdminAction() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		StaffMember staff = StaffMember.signedIn(this.port, admin.addStaff("STAFF", PASSWORD), PASSWORD);
		long id = tierId("friend");

		assertThat(staff.get("/staff/admin/tiers").statusCode()).isEqualTo(403);
		assertThat(staff.get("/staff/admin/tiers/" + id).statusCode()).isEqualTo(403);
		for (String path : List.of("/staff/admin/tiers", "/staff/admin/tiers/" + id,
				"/staff/admin/tiers/" + id + "/move", "/staff/admin/tiers/" + id + "/offered")) {
			HttpResponse<String> response = staff.postForm("/staff", path,
					Map.of("direction", "up", "offered", "false", "name", "Hacked"));
			assertThat(response.statusCode()).as("POST " + path).isEqualTo(403);
		}
		assertThat(this.jdbc.queryForMap("select name, active from tier where slug = 'friend'"))
			.containsEntry("name", "Friend")
			.containsEntry("active", true);
	}

	private long tierId(String slug) {
		return this.jdbc.queryForObject("select id from tier where slug = ?", Long.class, slug);
	}

	private List<String> auditActions(String target) {
		return this.jdbc.queryForList("select action from audit_log where target = ? order by id", String.class,
				target);
	}

	private static String slug() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static Map<String, String> tierForm(String slug, String name, String monthly, String yearly) {
		return Map.of("slug", slug, "name", name, "description", "A test tier", "benefits", "members-only, fewer-asks",
				"monthly", monthly, "yearly", yearly);
	}

}
