package org.supporters.importing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.Browser;
import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.TestMail;
import org.supporters.catalog.BillingInterval;
import org.supporters.membership.MembershipService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole move from Patreon with a Patreon-shaped export: the dry run's lines, the tier
 * mapping, the import with its comps, an unchanged re-import, the campaign's mails on the
 * sandbox clock, a patron pledging from their link in Chromium (the comp makes way),
 * another unsubscribing, and the move's report against counts of our own.
 */
class PatreonMoveBrowserTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/moving/[0-9]+-[A-Za-z0-9_-]+)");

	private static final Pattern UNSUBSCRIBE = Pattern
		.compile("http://localhost:\\d+(/moving/[0-9]+-[A-Za-z0-9_-]+/unsubscribe)");

	private static final String INVITATION = "We are moving our memberships from Patreon to our own site";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Campaign campaign;

	@Autowired
	MembershipService memberships;

	@Test
	void patronsMoveFromPatreonKeepTheirAccessAndAreInvitedUntilTheyPledgeOrUnsubscribe() {
		PatreonFixture fixture = new PatreonFixture(this.clock.instant());
		String jane = fixture.email("jane");
		String gareth = fixture.email("gareth");
		String carla = fixture.email("carla");
		String sam = fixture.email("sam");
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		String importPage = upload(admin, fixture.bytes());
		String dryRun = admin.get(importPage).body();
		assertThat(dryRun).contains("new supporter; comp at Supporter until " + fixture.day(20) + " (Next Charge Date)")
			.contains("until " + fixture.day(12) + " (Access Expiration")
			.contains("until " + RowReader.day(BillingInterval.MONTH.periodEnd(startOf(fixture, -10)))
					+ " (Last Charge Date + one period")
			.contains("new supporter; comp at Supporter until " + fixture.day(5) + " (Next Charge Date)")
			.contains("skipped: declined patron")
			.contains("skipped: former patron")
			.contains("skipped: no email")
			.contains("starts like a spreadsheet formula")
			.contains("Doe, Jane")
			.doesNotContain("id=\"blocking\"");

		admin.postForm(importPage, importPage + "/tiers",
				Map.of("tier:Gold Circle", "patron", "tier:Coffee Club", "friend"));
		assertThat(admin.get(importPage).body())
			.contains("new supporter; comp at Patron until " + fixture.day(12) + " (Access Expiration)")
			.contains("new supporter; comp at Friend until "
					+ RowReader.day(BillingInterval.MONTH.periodEnd(startOf(fixture, -10)))
					+ " (Last Charge Date + one period)");
		HttpResponse<String> confirmed = admin.postForm(importPage, importPage + "/confirm", Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(302);

		assertThat(comp(jane)).containsEntry("tier", "supporter")
			.containsEntry("valid_until", Timestamp.from(fixture.at0815(20)));
		assertThat(comp(gareth)).containsEntry("tier", "patron")
			.containsEntry("valid_until", Timestamp.from(fixture.endOf(12)));
		assertThat(comp(carla)).containsEntry("tier", "friend")
			.containsEntry("valid_until", Timestamp.from(BillingInterval.MONTH.periodEnd(startOf(fixture, -10))));
		assertThat(comp(sam)).containsEntry("tier", "supporter")
			.containsEntry("valid_until", Timestamp.from(fixture.endOf(5)));
		assertThat(supporters(fixture)).containsExactlyInAnyOrder(jane, gareth, carla, sam);
		assertThat(this.jdbc.queryForMap("""
				select o.source, o.lifetime_minor, o.amount_minor, o.currency, o.external_tier, o.billing_interval,
				       s.name from supporter_origin o join supporter s on s.id = o.supporter_id where s.email = ?""",
				gareth))
			.containsEntry("source", "patreon")
			.containsEntry("lifetime_minor", 50000L)
			.containsEntry("amount_minor", 25000L)
			.containsEntry("currency", "GBP")
			.containsEntry("external_tier", "Gold Circle")
			.containsEntry("billing_interval", "year")
			.containsEntry("name", "Gareth Gold");
		assertThat(this.jdbc.queryForObject("select name from supporter where email = ?", String.class, carla))
			.isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");
		assertThat(this.memberships.membershipOfEmail(jane).orElseThrow().status().name()).isEqualTo("COMP");
		assertThat(admin.get("/staff/supporters/" + supporterId(gareth)).body()).contains("came from Patreon")
			.contains("tier there: Gold Circle");

		List<Map<String, Object>> compsBefore = allComps(fixture);
		String again = upload(admin, fixture.bytes());
		String sameDryRun = admin.get(again).body();
		assertThat(occurrences(sameDryRun, "imported before, unchanged")).isEqualTo(4);
		admin.postForm(again, again + "/confirm", Map.of());
		assertThat(allComps(fixture)).isEqualTo(compsBefore);

		admin.postForm(importPage, importPage + "/campaign", Map.of());
		assertThat(this.campaign.sendDue()).isGreaterThanOrEqualTo(4);
		TestMail.Received invitation = TestMail.lastTo(jane);
		assertThat(invitation.subject()).isEqualTo(INVITATION);
		// the last day paid for, as English writes it
		assertThat(invitation.body())
			.contains("until " + java.time.LocalDate.parse(fixture.day(20))
				.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)))
			.contains("the Supporter tier");

		Page page = browser.desktop().newPage();
		page.navigate(url(link(LINK, invitation.body())));
		assertThat(page.getByLabel("Email address")).hasValue(jane);
		assertThat(page.getByLabel("Monthly", new Page.GetByLabelOptions().setExact(true))).isChecked();
		assertThat(
				page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Supporter\\b"))))
			.isChecked();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay €"))).click();
		assertThat(page.getByText("You are now a supporter")).isVisible();

		Map<String, Object> madeWay = this.jdbc.queryForMap("""
				select c.revoked_at, p.created_at as pledged_at, p.status from comp c
				join supporter s on s.id = c.supporter_id join pledge p on p.supporter_id = s.id where s.email = ?""",
				jane);
		assertThat(madeWay.get("revoked_at")).as("the comp made way").isNotNull();
		assertThat(Duration
			.between(((Timestamp) madeWay.get("pledged_at")).toInstant(),
					((Timestamp) madeWay.get("revoked_at")).toInstant())
			.abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(this.memberships.membershipOfEmail(jane).orElseThrow().status().name()).isEqualTo("ACTIVE");

		HttpResponse<String> unsubscribed = new Reader(this.port)
			.get(link(UNSUBSCRIBE, TestMail.lastTo(gareth).body()));
		assertThat(unsubscribed.statusCode()).isEqualTo(200);
		assertThat(unsubscribed.body()).contains("No more mails about the move");
		assertThat(new Reader(this.port).get("/moving/1-forged").statusCode()).isEqualTo(404);

		advance(3);
		this.campaign.sendDue();
		assertThat(TestMail.lastTo(sam).subject()).isEqualTo("Your membership from Patreon ends in 3 days");
		advance(4);
		this.campaign.sendDue();
		assertThat(TestMail.lastTo(sam).subject()).isEqualTo("Your membership from Patreon has ended");
		assertThat(TestMail.lastTo(carla).subject()).isEqualTo("Your membership from Patreon ends in 14 days");
		advance(3);
		this.campaign.sendDue();
		this.campaign.sendDue();

		assertThat(campaignMails(jane)).as("pledged: no more mails").containsExactly(INVITATION);
		assertThat(campaignMails(gareth)).as("unsubscribed: no reminder at 3 days").containsExactly(INVITATION);
		assertThat(campaignMails(carla)).containsExactly(INVITATION, "Your membership from Patreon ends in 14 days");
		assertThat(campaignMails(sam)).containsExactly(INVITATION, "Your membership from Patreon ends in 3 days",
				"Your membership from Patreon has ended");
		assertThat(admin.get("/staff/supporters/" + supporterId(sam)).body()).contains(INVITATION)
			.contains("Your membership from Patreon has ended");

		String report = admin.get(importPage).body();
		Map<String, String> figures = new LinkedHashMap<>();
		for (String figure : List.of("imported", "invited", "opened", "pledged", "on-comp", "lapsed", "unsubscribed")) {
			figures.put(figure, figure(report, figure));
		}
		Instant now = this.clock.instant();
		String like = "%." + fixture.run + "@patrons.test";
		assertThat(figures).containsEntry("imported", count("""
				select count(*) from supporter_origin o join supporter s on s.id = o.supporter_id
				where o.source = 'patreon' and s.email like ?""", like))
			.containsEntry("invited",
					count("select count(*) from mail_outbox where recipient like ? and subject = ?", like, INVITATION))
			.containsEntry("opened", "1")
			.containsEntry("pledged", count("""
					select count(distinct s.id) from pledge p join supporter s on s.id = p.supporter_id
					where p.kind = 'recurring' and s.email like ?""", like) + " · MRR €10.00")
			.containsEntry("on-comp", count("""
					select count(*) from comp c join supporter s on s.id = c.supporter_id
					where s.email like ? and c.revoked_at is null and c.valid_until > ?""", like, Timestamp.from(now)))
			.containsEntry("lapsed", count("""
					select count(*) from comp c join supporter s on s.id = c.supporter_id
					where s.email like ? and c.revoked_at is null and c.valid_until <= ?""", like, Timestamp.from(now)))
			.containsEntry("unsubscribed", "1");
		assertThat(report).contains("<svg").contains("pledged");
		System.out.println("Campaign report of the test's history: " + figures);
	}

	/**
	 * The move's mails the outbox holds for this reader (other mails, e.g. receipts,
	 * aside).
	 */
	private List<String> campaignMails(String email) {
		return this.jdbc.queryForList(
				"select subject from mail_outbox where recipient = ? and subject like '%Patreon%' order by id",
				String.class, email);
	}

	private String upload(StaffMember admin, byte[] content) {
		String page = admin.get("/staff/admin/import").body();
		HttpResponse<String> uploaded = admin.reader()
			.postFile("/staff/admin/import", page, Map.of("source", "patreon"), "file", "members.csv", content);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		return URI.create(Reader.location(uploaded)).getPath();
	}

	private void advance(int days) {
		Reader person = new Reader(this.port);
		String page = person.get("/sandbox/clock").body();
		assertThat(person.post("/sandbox/clock", page, Map.of("days", Integer.toString(days))).statusCode())
			.isEqualTo(302);
	}

	private static Instant startOf(PatreonFixture fixture, int days) {
		return LocalDate.parse(fixture.day(days)).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private Map<String, Object> comp(String email) {
		return this.jdbc.queryForMap("""
				select t.slug as tier, c.valid_until from comp c join tier t on t.id = c.tier_id
				join supporter s on s.id = c.supporter_id where s.email = ?""", email);
	}

	private List<Map<String, Object>> allComps(PatreonFixture fixture) {
		return this.jdbc.queryForList("""
				select c.id, c.valid_until, c.revoked_at from comp c join supporter s on s.id = c.supporter_id
				where s.email like ? order by c.id""", "%." + fixture.run + "@patrons.test");
	}

	private List<String> supporters(PatreonFixture fixture) {
		return this.jdbc.queryForList("select email from supporter where email like ?", String.class,
				"%." + fixture.run + "@patrons.test");
	}

	private String supporterId(String email) {
		return this.jdbc.queryForObject("select id::text from supporter where email = ?", String.class, email);
	}

	private String count(String sql, Object... arguments) {
		return String.valueOf(this.jdbc.queryForObject(sql, Long.class, arguments));
	}

	private static long occurrences(String page, String text) {
		return page.split(Pattern.quote(text), -1).length - 1;
	}

	private static String figure(String page, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\">(.*?)</dd>", Pattern.DOTALL).matcher(page);
		assertThat(matcher.find()).as("figure %s", id).isTrue();
		return matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
	}

	private static String link(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as("a link in %s", body).isTrue();
		return matcher.group(1);
	}

}
