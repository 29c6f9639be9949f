package org.supporters.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's import, who may import, and a file above the limit. */
class MemberImportTests extends IntegrationTest {

	@Autowired
	ImportCommand command;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@TempDir
	Path folder;

	@Test
	void commandLinePrintsTheDryRunChangesNothingThenImportsWithConfirm() throws Exception {
		PatreonFixture fixture = new PatreonFixture(this.clock.instant());
		Path file = this.folder.resolve("members.csv");
		Files.write(file, fixture.bytes());

		String dryRun = run("--import-members=" + file, "--source=patreon", "--map-tier=Gold Circle=supporter");

		assertThat(dryRun).contains("\"Gold Circle\" (1 rows) → supporter (chosen)")
			.contains(
					"Line 2: " + fixture.email("jane") + ": new supporter; comp at Supporter until " + fixture.day(20))
			.contains("Line 6: " + fixture.email("dee") + ": skipped: declined patron")
			.contains("Nothing imported yet (dry run)");
		assertThat(supporters(fixture)).isZero();

		String imported = run("--import-members=" + file, "--source=patreon", "--map-tier=Gold Circle=supporter",
				"--confirm");

		assertThat(imported).contains("Imported: 4 new, 0 updated, 0 unchanged, 0 left as is, 3 skipped, in ");
		assertThat(supporters(fixture)).isEqualTo(4);
		assertThat(this.jdbc.queryForObject("""
				select t.slug from comp c join tier t on t.id = c.tier_id join supporter s on s.id = c.supporter_id
				where s.email = ?""", String.class, fixture.email("gareth"))).isEqualTo("supporter");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'import.confirm' and details->>'sha256' = ?", Long.class,
				org.supporters.importing.Planner.sha256(fixture.bytes())))
			.isOne();
		assertThat(run("--import-members=" + file, "--source=patreon", "--map-tier=Gold Circle=supporter"))
			.contains("imported before, unchanged");
		assertThat(run("--import-members=" + file, "--source=ghost")).contains("--source=patreon or --source=csv");
		assertThat(run("--import-members=" + file, "--source=patreon", "--map-tier=Gold Circle=gold"))
			.contains("mapped to \"gold\", which is not one of our tiers")
			.contains("Nothing imported");
	}

	@Test
	void staffWhoAreNotAdminsCannotImport() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String email = admin.addStaff("STAFF", "a long staff password");
		StaffMember staff = StaffMember.signedIn(this.port, email, "a long staff password");
		long before = this.jdbc.queryForObject("select count(*) from member_import", Long.class);

		assertThat(staff.get("/staff/admin/import").statusCode()).isEqualTo(403);
		String page = staff.get("/staff").body();
		HttpResponse<String> upload = staff.reader()
			.postFile("/staff/admin/import", page, Map.of("source", "csv"), "file", "m.csv",
					"email\r\nx@example.com\r\n".getBytes(StandardCharsets.UTF_8));

		assertThat(upload.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from member_import", Long.class)).isEqualTo(before);
	}

	@Test
	void aFileAboveTheLimitGetsThePageWithAMessage() {
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String page = admin.get("/staff/admin/import").body();
		byte[] fifty = new byte[50 * 1024 * 1024];
		java.util.Arrays.fill(fifty, (byte) 'a');

		HttpResponse<String> upload = admin.reader()
			.postFile("/staff/admin/import", page, Map.of("source", "patreon"), "file", "big.csv", fifty);

		assertThat(upload.statusCode()).isEqualTo(422);
		assertThat(upload.body()).contains("The file is 50.0 MB; the import reads files up to 40 MB");
	}

	private String run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.command.execute(new DefaultApplicationArguments(arguments),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private long supporters(PatreonFixture fixture) {
		return this.jdbc.queryForObject("select count(*) from supporter where email like ?", Long.class,
				"%." + fixture.run + "@patrons.test");
	}

}
