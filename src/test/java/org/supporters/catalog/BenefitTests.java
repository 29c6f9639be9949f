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

/**
 * Benefits in words: pages show each benefit's label and description and each tier's
 * name, never a slug; admins word the benefits; yearly prices say what they save.
 */
class BenefitTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSupportPageShowsTierNamesBenefitLabelsAndYearlySavings() {
		String page = new Reader(this.port).get("/support").body();

		assertThat(page)
			.contains(">Friend<", ">Supporter<", ">Patron<", ">Members-only stories<", ">Fewer requests for support<",
					">No advertising<", "title=\"Read every page without ads.\"")
			.doesNotContain(">members-only<", ">fewer-asks<", ">ad-free<", ">supporter<");
		assertThat(page).as("€10.00 a month is €120.00 a year; yearly is €100.00")
			.contains("(save €20.00 a year)", "(save €50.00 a year)");
	}

	@Test
	void aNewBenefitIsWordedByAnAdminAndReadersSeeItsWords() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String benefit = "podcast-" + UUID.randomUUID().toString().substring(0, 8);
		String tier = "t-" + UUID.randomUUID().toString().substring(0, 8);
		admin.postForm("/staff/admin/tiers", "/staff/admin/tiers", Map.of("slug", tier, "name", "Listener",
				"description", "", "benefits", benefit + ", ad-free", "monthly", "3", "yearly", "36"));
		assertThat(admin.get("/staff/admin/benefits").body()).as("a new slug gets an entry to word")
			.contains(
					"value=\"" + benefit.substring(0, 1).toUpperCase() + benefit.substring(1).replace('-', ' ') + "\"");

		HttpResponse<String> saved = admin.postForm("/staff/admin/benefits", "/staff/admin/benefits",
				Map.of("slug", benefit, "label", "The podcast a day early", "description", "Hear each episode first."));

		assertThat(saved.statusCode()).isEqualTo(302);
		String support = new Reader(this.port).get("/support").body();
		String listener = support.substring(support.indexOf("data-tier=\"" + tier + "\""));
		listener = listener.substring(0, listener.indexOf("</li>"));
		assertThat(listener)
			.contains(">Listener<", ">The podcast a day early<", "title=\"Hear each episode first.\"",
					">No advertising<")
			.as("twelve months at €3.00 cost what a year does: nothing saved")
			.doesNotContain("save");
		assertThat(admin.get("/staff/admin/tiers").body()).contains("The podcast a day early, No advertising");
		assertThat(this.jdbc.queryForList("select action from audit_log where target = ?", String.class,
				"benefit:" + benefit))
			.containsExactly("benefit.save");
	}

	@Test
	void badBenefitWordsAreExplainedNextToTheFieldAndNothingIsStored() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> noLabel = admin.postForm("/staff/admin/benefits", "/staff/admin/benefits",
				Map.of("slug", "ad-free", "label", " ", "description", "x"));
		HttpResponse<String> longLine = admin.postForm("/staff/admin/benefits", "/staff/admin/benefits",
				Map.of("slug", "ad-free", "label", "No ads", "description", "x".repeat(201)));
		HttpResponse<String> badSlug = admin.postForm("/staff/admin/benefits", "/staff/admin/benefits",
				Map.of("slug", "Ad Free!", "label", "No ads", "description", ""));

		assertThat(List.of(noLabel.statusCode(), longLine.statusCode(), badSlug.statusCode())).containsOnly(400);
		assertThat(noLabel.body()).contains("Enter a label of at most 60 characters");
		assertThat(longLine.body()).contains("Write one line of at most 200 characters.");
		assertThat(badSlug.body()).contains("Use 1 to 40 lower-case letters, digits and hyphens");
		assertThat(this.jdbc.queryForMap("select label, description from benefit where slug = 'ad-free'"))
			.containsEntry("label", "No advertising")
			.containsEntry("description", "Read every page without ads.");
	}

	@Test
	void staffPagesShowTheTierNameAndBenefitLabelsOfASupporter() {
		Reader reader = new Reader(this.port);
		String email = "words-" + UUID.randomUUID() + "@example.org";
		HttpResponse<String> paid = reader.pay(
				reader.pledge(Map.of("frequency", "monthly", "option", "tier:patron", "email", email)),
				"4242 4242 4242 4242");
		reader.get(Reader.location(paid));
		String id = this.jdbc.queryForObject("select id::text from supporter where lower(email) = ?", String.class,
				email);
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		String detail = admin.get("/staff/supporters/" + id).body();

		assertThat(detail).contains("· Patron", "· Members-only stories, No advertising, Fewer requests for support")
			.doesNotContain("· patron");
	}

}
