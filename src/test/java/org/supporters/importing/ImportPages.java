package org.supporters.importing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;

import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's pages with data, for tests outside this module (the accessibility test): a
 * dry run, a confirmed import with its campaign sent, and a patron's unsubscribe link.
 */
public final class ImportPages {

	private static final Pattern UNSUBSCRIBE = Pattern
		.compile("http://localhost:\\d+(/moving/[0-9]+-[A-Za-z0-9_-]+/unsubscribe)");

	/** The dry run's page of an upload not confirmed. */
	public final String dryRun;

	/** The page of a confirmed import whose campaign mails went out. */
	public final String confirmed;

	/** A patron's unsubscribe link from the campaign's mail. */
	public final String unsubscribe;

	private ImportPages(String dryRun, String confirmed, String unsubscribe) {
		this.dryRun = dryRun;
		this.confirmed = confirmed;
		this.unsubscribe = unsubscribe;
	}

	/**
	 * Uploads the Patreon fixture twice (new patrons each time), confirms one, sends its
	 * campaign.
	 */
	public static ImportPages make(StaffMember admin, ApplicationContext context, Instant now) {
		String dryRun = upload(admin, new PatreonFixture(now).bytes());
		PatreonFixture fixture = new PatreonFixture(now);
		String confirmed = upload(admin, fixture.bytes());
		assertThat(admin.postForm(confirmed, confirmed + "/confirm", Map.of()).statusCode()).isEqualTo(302);
		assertThat(admin.postForm(confirmed, confirmed + "/campaign", Map.of()).statusCode()).isEqualTo(302);
		context.getBean(Campaign.class).sendDue();
		Matcher link = UNSUBSCRIBE.matcher(TestMail.lastTo(fixture.email("jane")).body());
		assertThat(link.find()).as("an unsubscribe link in the campaign's mail").isTrue();
		return new ImportPages(dryRun, confirmed, link.group(1));
	}

	private static String upload(StaffMember admin, byte[] content) {
		String page = admin.get("/staff/admin/import").body();
		HttpResponse<String> uploaded = admin.reader()
			.postFile("/staff/admin/import", page, Map.of("source", "patreon"), "file", "members.csv", content);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		return URI.create(Reader.location(uploaded)).getPath();
	}

}
