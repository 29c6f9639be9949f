package org.supporters.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins set the publication's look at /staff/admin/site: what is stored, served and
 * audited, and every bad input answered next to its field with nothing stored.
 */
class SiteAdminTests extends IntegrationTest {

	private static final Pattern LOGO = Pattern.compile("src=\"(/brand/logo/[0-9a-f]{16}\\.(png|jpg|svg))\"");

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void neutralAgain() {
		this.jdbc.update("delete from site_brand");
	}

	@Test
	void adminSetsTheBrandAndReaderPagesShowItAudited() throws Exception {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> saved = save(admin, brandForm(), "logo.png", Logos.png());

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String support = new Reader(this.port).get("/support").body();
		assertThat(support).contains("<title>Support us · The Example Times</title>",
				"<span class=\"brand-name\">The Example Times</span>", "href=\"https://www.example.com/\"",
				"href=\"/brand/theme/7a1f2b.css\"", "href=\"https://www.example.com/privacy\"", ">Privacy policy</a>",
				"href=\"https://www.example.com/terms\"", "href=\"mailto:desk@example.com\"",
				"<h1>Support The Example Times</h1>", "Every story we publish is paid for by readers.");
		for (String path : List.of("/sign-in", "/no-such-page")) {
			assertThat(new Reader(this.port).get(path).body()).as(path)
				.contains("<span class=\"brand-name\">The Example Times</span>", "/brand/theme/7a1f2b.css",
						"href=\"https://www.example.com/terms\"");
		}
		String logo = logoPath(support);
		HttpResponse<byte[]> served = bytes(logo);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(Logos.png());
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
		HttpResponse<byte[]> theme = bytes("/brand/theme/7a1f2b.css");
		assertThat(new String(theme.body())).contains("--accent: #7a1f2b");
		assertThat(theme.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(this.jdbc.queryForList("select action from audit_log where target = 'site' order by id desc limit 1",
				String.class))
			.containsExactly("site.update");
		assertThat(admin.get("/staff/admin/site").body()).contains("value=\"The Example Times\"", logo);
	}

	@Test
	void aNewLogoHasANewAddressAndTheOldOneIsGone() throws Exception {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		save(admin, brandForm(), "logo.png", Logos.png());
		String first = logoPath(new Reader(this.port).get("/support").body());

		save(admin, brandForm(), "logo.svg", Logos.svg(Logos.CLEAN_SVG));
		String second = logoPath(new Reader(this.port).get("/support").body());

		assertThat(second).endsWith(".svg").isNotEqualTo(first);
		assertThat(bytes(second).headers().firstValue("Content-Type")).hasValue("image/svg+xml");
		assertThat(bytes(first).statusCode()).isEqualTo(404);

		save(admin, brandForm(), "", new byte[0]);
		assertThat(logoPath(new Reader(this.port).get("/support").body())).as("no new file keeps the logo")
			.isEqualTo(second);
		Map<String, String> remove = brandForm();
		remove.put("removeLogo", "true");
		save(admin, remove, "", new byte[0]);
		assertThat(new Reader(this.port).get("/support").body()).doesNotContain("/brand/logo/");
	}

	@Test
	void aJpegIsKnownByItsBytesWhateverItsName() throws Exception {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		assertThat(save(admin, brandForm(), "photo.png", Logos.jpeg()).statusCode()).isEqualTo(302);

		assertThat(logoPath(new Reader(this.port).get("/support").body())).endsWith(".jpg");
	}

	@Test
	void nothingSetKeepsThePagesNeutral() {
		String support = new Reader(this.port).get("/support").body();

		assertThat(support)
			.contains("<title>Support us · Supporters</title>", "<h1>Support our journalism</h1>", "href=\"/support\"")
			.doesNotContain("/brand/logo/", "/brand/theme/", "footer-links");
	}

	@Test
	void eachBadInputIsExplainedNextToItsFieldAndNothingIsStored() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		byte[] png = Logos.png();

		refused(admin, Map.of(), "logo.png", new byte[512 * 1024 + 1], "logo", "larger than 512 KB");
		refused(admin, Map.of(), "logo.png", "name,email\nAda,ada@example.com\n".getBytes(), "logo",
				"not a PNG, JPEG or SVG image");
		refused(admin, Map.of(), "logo.svg",
				Logos.svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"),
				"logo", "contains script");
		refused(admin, Map.of(), "logo.svg", Logos
			.svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\" onclick=\"x()\"/></svg>"),
				"logo", "contains script");
		refused(admin, Map.of(), "logo.svg", Logos.svg(
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">hi</p></foreignObject></svg>"),
				"logo", "contains script");
		refused(admin, Map.of(), "logo.svg", Logos.svg(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"https://evil.example/x.svg#a\"/></svg>"),
				"logo", "contains script");
		refused(admin, Map.of(), "logo.svg", Logos.svg(
				"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>"),
				"logo", "not a PNG, JPEG or SVG image");
		refused(admin, Map.of("accent", "blue"), "", new byte[0], "accent", "Enter a colour as #");
		refused(admin, Map.of("accent", "#ffbf47"), "", new byte[0], "accent",
				"contrast of 1.6:1 with white; links on the page and white text on buttons need at least 4.5:1");
		refused(admin, Map.of("homeUrl", "javascript:alert(1)"), "", new byte[0], "homeUrl",
				"starting with https:// or http://");
		refused(admin, Map.of("homeUrl", "ftp://example.com/"), "", new byte[0], "homeUrl",
				"starting with https:// or http://");
		refused(admin, Map.of("privacyUrl", "example.com/privacy"), "", new byte[0], "privacyUrl",
				"starting with https:// or http://");
		refused(admin, Map.of("contactUrl", "mailto:not an address"), "", new byte[0], "contactUrl",
				"mailto: and an email address");
		refused(admin, Map.of("name", "N".repeat(5000)), "", new byte[0], "name", "at most 100 characters");
		refused(admin, Map.of("supportHeadline", "Support\nus"), "", new byte[0], "supportHeadline", "one line");
		refused(admin, Map.of("supportText", "x".repeat(200_000)), "", new byte[0], "supportText",
				"at most 1000 characters");
		refused(admin, Map.of("name", "The Example Times", "accent", "#ffbf47"), "logo.png", png, "accent", "contrast");

		assertThat(this.jdbc.queryForObject("select count(*) from site_brand", Long.class)).isZero();
	}

	@Test
	void onlyAdminsSeeTheSitePage() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		StaffMember staff = StaffMember.signedIn(this.port, admin.addStaff("STAFF", "a long staff password"),
				"a long staff password");

		assertThat(staff.get("/staff/admin/site").statusCode()).isEqualTo(403);
		assertThat(admin.get("/staff/admin/site").statusCode()).isEqualTo(200);
	}

	private void refused(StaffMember admin, Map<String, String> fields, String fileName, byte[] file, String field,
			String message) {
		HttpResponse<String> answer = save(admin, fields, fileName, file);
		assertThat(answer.statusCode()).as("%s: %s", field, message).isEqualTo(400);
		Matcher error = Pattern.compile("id=\"" + field + "-error\">([^<]*)<").matcher(answer.body());
		assertThat(error.find()).as("a message next to %s", field).isTrue();
		assertThat(error.group(1).replace("&#39;", "'")).contains(message);
		assertThat(answer.body()).contains("Nothing was saved.");
	}

	private HttpResponse<String> save(StaffMember admin, Map<String, String> fields, String fileName, byte[] file) {
		String page = admin.get("/staff/admin/site").body();
		return admin.reader().postFile("/staff/admin/site", page, fields, "logo", fileName, file);
	}

	static Map<String, String> brandForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "The Example Times");
		form.put("accent", "#7A1F2B");
		form.put("homeUrl", "https://www.example.com/");
		form.put("privacyUrl", "https://www.example.com/privacy");
		form.put("termsUrl", "https://www.example.com/terms");
		form.put("contactUrl", "mailto:desk@example.com");
		form.put("supportHeadline", "Support The Example Times");
		form.put("supportText", "Every story we publish is paid for by readers.");
		return form;
	}

	private static String logoPath(String page) {
		Matcher logo = LOGO.matcher(page);
		assertThat(logo.find()).as("a logo on the page").isTrue();
		return logo.group(1);
	}

	private HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
