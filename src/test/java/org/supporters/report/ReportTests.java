package org.supporters.report;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.supporter.EndedReason;
import org.supporters.supporter.Provider;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.PledgeKind;
import org.supporters.membership.MembershipService;
import org.supporters.membership.MembershipStatus;
import org.supporters.supporter.PaymentStatus;
import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.payment.ProviderEventInbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.generated.Tables.AUDIT_LOG;
import static org.jooq.generated.Tables.PAYMENT;
import static org.jooq.generated.Tables.PLEDGE;
import static org.jooq.generated.Tables.SUPPORTER;

/** The dashboard, the supporter list and page, exports and comps as staff see them. */
class ReportTests extends IntegrationTest {

	private static final Pattern NEXT_PAGE = Pattern.compile("id=\"next-page\" rel=\"next\" href=\"([^\"]+)\"");

	private static final Pattern ROW_EMAIL = Pattern
		.compile("<td><a href=\"/staff/supporters/[^\"]+\">([^<]+)</a></td>");

	private static final Pattern CSV_ROW = Pattern
		.compile("\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\",");

	@Autowired
	DSLContext db;

	@Autowired
	ProviderEventInbox inbox;

	@Autowired
	MembershipService memberships;

	/** The service's clock: other tests move the sandbox's ahead of the wall clock. */
	@Autowired
	Clock clock;

	@Test
	void aNewSupporterCountsOnTheDashboardAtOnce() {
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		// events other tests left waiting would count too
		this.inbox.applyDue();
		long before = figure(staff.get("/staff").body(), "active-supporters");

		paid(Map.of("frequency", "monthly", "option", "tier:friend", "email", unique("dash")));

		String dashboard = staff.get("/staff").body();
		assertThat(figure(dashboard, "active-supporters")).isEqualTo(before + 1);
		assertThat(dashboard).contains("<svg").contains("New and churned supporters per month").contains("EUR");
	}

	@Test
	void aPastDuePledgeCountsOnTheDashboardOnlyWhileMembershipKeepsItInGrace() {
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		this.inbox.applyDue();
		long before = figure(staff.get("/staff").body(), "active-supporters");
		OffsetDateTime now = now();
		UUID inGrace = supporter(unique("grace"), null, now);
		pastDue(inGrace, now.minusDays(2));
		UUID pastGrace = supporter(unique("lapsed"), null, now);
		pastDue(pastGrace, now.minusDays(8));

		assertThat(figure(staff.get("/staff").body(), "active-supporters")).as("only the one still in grace")
			.isEqualTo(before + 1);
		assertThat(this.memberships.membershipOf(inGrace).status()).isEqualTo(MembershipStatus.GRACE);
		assertThat(this.memberships.membershipOf(pastGrace).status()).isEqualTo(MembershipStatus.NONE);
		assertThat(staff.get("/staff/supporters/" + inGrace).body())
			.contains("<strong>Grace (payment failing)</strong>");
		assertThat(staff.get("/staff/supporters/" + pastGrace).body()).contains("<strong>None</strong>");
	}

	@Test
	void theCurrentFilterListsExactlyTheSupportersTheDashboardCounts() {
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		this.inbox.applyDue();
		long before = figure(staff.get("/staff").body(), "active-supporters");
		String prefix = "current-" + UUID.randomUUID().toString().substring(0, 8);
		OffsetDateTime now = now();
		UUID active = supporter(prefix + "-active@example.com", null, now);
		pledge(active, "recurring", "month", "active", "sandbox");
		UUID inGrace = supporter(prefix + "-grace@example.com", null, now);
		pastDue(inGrace, now.minusDays(2));
		UUID pastGrace = supporter(prefix + "-lapsed@example.com", null, now);
		pastDue(pastGrace, now.minusDays(8));
		UUID canceled = supporter(prefix + "-canceled@example.com", null, now);
		ended(canceled, now.plusDays(20));
		UUID once = supporter(prefix + "-once@example.com", null, now);
		pledge(once, "one_off", null, "paid", "sandbox");
		// a newer pledge that lapsed beside one that still counts: the row must show the
		// one that counts
		UUID renewedElsewhere = supporter(prefix + "-mixed@example.com", null, now);
		pledge(renewedElsewhere, "recurring", "month", "active", "sandbox");
		pastDue(renewedElsewhere, now.minusDays(10));

		String dashboard = staff.get("/staff").body();
		long counted = figure(dashboard, "active-supporters");
		String list = staff.get("/staff/supporters?q=" + prefix + "&status=current").body();
		List<String> csvRows = csvRows(staff.get("/staff/supporters/export.csv?status=current").body());
		List<String> ours = csvRows(staff.get("/staff/supporters/export.csv?q=" + prefix + "&status=current").body());
		long independent = this.db.fetchSingle("""
				select count(distinct supporter_id) from pledge
				where kind = 'recurring'
				  and ((status = 'active' and current_period_end > {0})
				    or (status = 'past_due' and current_period_end + interval '7 days' > {0}))
				""", DSL.val(now())).get(0, Long.class);

		assertThat(counted).as("active, in grace and the one with a pledge that counts").isEqualTo(before + 3);
		assertThat(dashboard).contains("href=\"/staff/supporters?status=current\"");
		assertThat(emails(list)).containsExactlyInAnyOrder(prefix + "-active@example.com",
				prefix + "-grace@example.com", prefix + "-mixed@example.com");
		assertThat(list).doesNotContain("<td>Ended</td>");
		assertThat(csvRows).as("the whole export against the dashboard").hasSize((int) counted);
		assertThat(independent).as("the rule written out by hand").isEqualTo(counted);
		assertThat(ours).hasSize(3);
		assertThat(ours).filteredOn((row) -> row.contains(prefix + "-mixed@example.com"))
			.singleElement()
			.satisfies((row) -> assertThat(row).contains("\"active\"").doesNotContain("\"past_due\""));
		assertThat(ours).filteredOn((row) -> row.contains(prefix + "-grace@example.com"))
			.singleElement()
			.satisfies((row) -> assertThat(row).contains("\"past_due\""));
		assertThat(emails(staff.get("/staff/supporters?q=" + prefix + "&status=past_due").body()))
			.as("the raw status filters stay as they were")
			.containsExactlyInAnyOrder(prefix + "-grace@example.com", prefix + "-lapsed@example.com",
					prefix + "-mixed@example.com");
	}

	/**
	 * A recurring pledge that ended early, its paid period still running: membership may
	 * honour it, but it is no longer a current supporter.
	 */
	private void ended(UUID supporterId, OffsetDateTime periodEnd) {
		unpaidRecurring(supporterId, PledgeStatus.CANCELED, periodEnd);
	}

	private void pastDue(UUID supporterId, OffsetDateTime periodEnd) {
		unpaidRecurring(supporterId, PledgeStatus.PAST_DUE, periodEnd);
	}

	private void unpaidRecurring(UUID supporterId, PledgeStatus status, OffsetDateTime periodEnd) {
		boolean ended = status == PledgeStatus.CANCELED;
		this.db.insertInto(PLEDGE)
			.set(PLEDGE.SUPPORTER_ID, supporterId)
			.set(PLEDGE.KIND, PledgeKind.RECURRING)
			.set(PLEDGE.AMOUNT_MINOR, 500L)
			.set(PLEDGE.CURRENCY, "EUR")
			.set(PLEDGE.BILLING_INTERVAL, "month")
			.set(PLEDGE.STATUS, status)
			.set(PLEDGE.PROVIDER, Provider.SANDBOX)
			.set(PLEDGE.PROVIDER_REF, "test_" + UUID.randomUUID())
			.set(PLEDGE.CURRENT_PERIOD_END, periodEnd.toInstant())
			.set(PLEDGE.ENDED_AT, ended ? this.clock.instant() : null)
			.set(PLEDGE.ENDED_REASON, ended ? EndedReason.CANCELED : null)
			.set(PLEDGE.PROVIDER_STATE_AT, ended ? this.clock.instant() : periodEnd.toInstant())
			.execute();
	}

	/** The data rows of a supporter CSV: each starts with the quoted supporter id. */
	private static List<String> csvRows(String csv) {
		return csv.lines().filter((line) -> CSV_ROW.matcher(line).lookingAt()).toList();
	}

	@Test
	void searchFindsASupporterByTheStartOfTheirEmailOrName() {
		String prefix = "find-" + UUID.randomUUID().toString().substring(0, 8);
		supporter(prefix + "@example.com", "Zebedee " + prefix, now());
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		assertThat(emails(staff.get("/staff/supporters?q=" + prefix.toUpperCase()).body()))
			.containsExactly(prefix + "@example.com");
		assertThat(emails(staff.get("/staff/supporters?q=zebedee+" + prefix).body()))
			.containsExactly(prefix + "@example.com");
		assertThat(emails(staff.get("/staff/supporters?q=" + prefix.substring(0, 7) + "%25").body())).isEmpty();
	}

	@Test
	void keysetPagesWalkEverySupporterOnceInOrder() {
		String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8);
		OffsetDateTime start = now().minusDays(200);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			String email = prefix + "-" + i + "@example.com";
			// pairs share a join time: the id breaks the tie
			supporter(email, null, start.plusHours(i / 2));
			expected.add(0, email);
		}
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		List<String> seen = new ArrayList<>();
		String next = "/staff/supporters?q=" + prefix + "&sort=newest";
		int pages = 0;
		while (next != null) {
			String page = staff.get(next).body();
			seen.addAll(emails(page));
			Matcher link = NEXT_PAGE.matcher(page);
			next = link.find() ? link.group(1).replace("&amp;", "&") : null;
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(120).doesNotHaveDuplicates();
		List<String> byTime = new ArrayList<>(seen);
		assertThat(byTime.subList(0, 2)).containsExactlyInAnyOrderElementsOf(expected.subList(0, 2));
		assertThat(seen.get(119)).isIn(expected.subList(118, 120));
	}

	@Test
	void theTierFilterKeepsItsTiersUntilATierChangesAnywhere() throws InterruptedException {
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String slug = "listed-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(staff.get("/staff/supporters").body()).doesNotContain("value=\"" + slug + "\"");

		// as another instance's tier admin would: only the database's notice tells this
		// one
		this.db.execute(
				"insert into tier (slug, name, description, benefits, position) values ('%s', 'Listed %s', 'x', '{}', 99)"
					.formatted(slug, slug));

		String page = "";
		for (int i = 0; i < 40 && !page.contains("value=\"" + slug + "\""); i++) {
			Thread.sleep(50);
			page = staff.get("/staff/supporters").body();
		}
		assertThat(page).contains("value=\"" + slug + "\"");
		assertThat(emails(staff.get("/staff/supporters?tier=" + slug).body())).isEmpty();
	}

	@Test
	void everyFilterSaysWhatIsWrongWithIt() {
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> response = staff.get("/staff/supporters?status=gone&tier=no-such-tier&interval=week"
				+ "&provider=paypal&joinedFrom=2026-02-30&joinedTo=yesterday&sort=random&after=xyz");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Choose a status from the list.")
			.contains("There is no tier &quot;no-such-tier&quot;")
			.contains("Choose monthly or yearly.")
			.contains("Choose Stripe or Sandbox.")
			.contains("Enter a date as year-month-day")
			.contains("Choose an order from the list.")
			.contains("This page link is damaged or out of date");
		assertThat(staff.get("/staff/supporters?joinedFrom=2026-02-01&joinedTo=2026-01-01").body())
			.contains("The last day must not be before the first day.");
		assertThat(staff.get("/staff/supporters/export.csv?status=gone").statusCode()).isEqualTo(400);
		assertThat(staff.get("/staff/payments/export.csv?from=soon").body()).contains("Enter a date as year-month-day");
	}

	@Test
	void filtersNarrowTheListByPledge() {
		String prefix = "filter-" + UUID.randomUUID().toString().substring(0, 8);
		OffsetDateTime now = now();
		UUID monthly = supporter(prefix + "-monthly@example.com", null, now.minusDays(3));
		pledge(monthly, "recurring", "month", "active", "stripe");
		UUID yearly = supporter(prefix + "-yearly@example.com", null, now.minusDays(40));
		pledge(yearly, "recurring", "year", "past_due", "sandbox");
		UUID once = supporter(prefix + "-once@example.com", null, now.minusDays(400));
		pledge(once, "one_off", null, "paid", "sandbox");
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String list = "/staff/supporters?q=" + prefix;

		assertThat(emails(staff.get(list + "&status=active").body())).containsExactly(prefix + "-monthly@example.com");
		assertThat(emails(staff.get(list + "&status=past_due").body())).containsExactly(prefix + "-yearly@example.com");
		assertThat(emails(staff.get(list + "&status=one_off").body())).containsExactly(prefix + "-once@example.com");
		assertThat(emails(staff.get(list + "&interval=year").body())).containsExactly(prefix + "-yearly@example.com");
		assertThat(emails(staff.get(list + "&provider=stripe").body()))
			.containsExactly(prefix + "-monthly@example.com");
		assertThat(emails(staff.get(list + "&joinedFrom=" + now.minusDays(50).toLocalDate() + "&sort=oldest").body()))
			.containsExactly(prefix + "-yearly@example.com", prefix + "-monthly@example.com");
		assertThat(emails(staff.get(list + "&sort=email").body())).containsExactly(prefix + "-monthly@example.com",
				prefix + "-once@example.com", prefix + "-yearly@example.com");
	}

	@Test
	void htmlInANameOrEmailIsShownAsTextAndFormulasAreDefusedInTheCsv() {
		String prefix = "xss-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = supporter(prefix + "<b>@example.com", "<script>alert('x')</script>", now());
		String formula = prefix + "-f@example.com";
		supporter(formula, "=HYPERLINK(\"http://evil.example\",\"click\")", now());
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		String list = staff.get("/staff/supporters?q=" + prefix).body();
		String detail = staff.get("/staff/supporters/" + id).body();
		String csv = staff.get("/staff/supporters/export.csv?q=" + prefix).body();

		for (String page : List.of(list, detail)) {
			assertThat(page).doesNotContain("<script>alert")
				.doesNotContain(prefix + "<b>")
				.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
				.contains(prefix + "&lt;b&gt;@example.com");
		}
		assertThat(csv).contains("\"<script>alert('x')</script>\"")
			.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
			.doesNotContain(",\"=HYPERLINK");
	}

	@Test
	void theSupporterCsvHasTheFilteredListAndTheExportIsAudited() {
		String prefix = "csv-" + UUID.randomUUID().toString().substring(0, 8);
		UUID a = supporter(prefix + "-a@example.com", "Ann", now());
		pledge(a, "recurring", "month", "active", "sandbox");
		supporter(prefix + "-b@example.com", "Bo", now());
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> csv = staff.get("/staff/supporters/export.csv?q=" + prefix + "&status=active");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("attachment"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("\"id\",\"email\",\"name\"");
		assertThat(lines.get(1)).contains(prefix + "-a@example.com")
			.contains("\"active\"")
			.contains("\"5.00\"")
			.contains("\"EUR\"");
		assertThat(this.db.fetchCount(AUDIT_LOG,
				AUDIT_LOG.ACTION.eq("export.supporters")
					.and(AUDIT_LOG.DETAILS.cast(String.class).contains(prefix))
					.and(AUDIT_LOG.REMOTE_ADDRESS.isNotNull())))
			.isEqualTo(1);
	}

	@Test
	void thePaymentsCsvHasEachPaymentWithItsSupportersEmail() {
		String email = unique("paycsv");
		paid(Map.of("frequency", "monthly", "option", "tier:friend", "email", email));
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String today = now().toLocalDate().toString();

		String csv = staff.get("/staff/payments/export.csv?from=" + today).body();

		assertThat(csv.lines().filter((line) -> line.contains(email))).singleElement()
			.satisfies((
					line) -> assertThat(line).contains("\"succeeded\"").contains("\"5.00\"").contains("\"recurring\""));
	}

	@Test
	void theSupporterPageShowsPledgesPaymentsEventsAndTheDerivedMembership() {
		String email = unique("detail");
		paid(Map.of("frequency", "monthly", "option", "tier:supporter", "email", email));
		UUID id = this.db.select(SUPPORTER.ID).from(SUPPORTER).where(SUPPORTER.EMAIL.eq(email)).fetchSingle().value1();
		StaffMember staff = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		String page = staff.get("/staff/supporters/" + id).body();

		assertThat(page).contains(email)
			.contains("Supporter")
			.contains("<td>Paid</td>")
			.contains("checkout.session.completed")
			.containsPattern("<strong>Active</strong>\\s*<span>· Supporter</span>");
		assertThat(staff.get("/staff/supporters/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(staff.get("/staff/supporters/not-a-uuid").statusCode()).isEqualTo(404);
	}

	@Test
	void anAdminGrantsAndRevokesACompAndItIsAudited() {
		UUID id = supporter(unique("comp"), null, now());
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String page = "/staff/supporters/" + id;
		String until = now().plusDays(30).toLocalDate().toString();

		HttpResponse<String> invalid = admin.postForm(page, "/staff/admin/supporters/" + id + "/comps",
				Map.of("tier", "nope", "validUntil", "2001-01-01", "reason", " "));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("There is no such tier")
			.contains("The last day must be today or later.")
			.contains("Say why, for the record.");

		HttpResponse<String> granted = admin.postForm(page, "/staff/admin/supporters/" + id + "/comps",
				Map.of("tier", "patron", "validUntil", until, "reason", "Press pass"));
		assertThat(granted.statusCode()).isEqualTo(302);
		String withComp = admin.get(page).body();
		assertThat(withComp).contains("<strong>Comp</strong>").contains("Press pass");

		Matcher revoke = Pattern.compile("action=\"(/staff/admin/supporters/[^\"]+/revoke)\"").matcher(withComp);
		assertThat(revoke.find()).isTrue();
		UUID other = supporter(unique("other"), null, now());
		String throughAnotherSupporter = revoke.group(1).replace(id.toString(), other.toString());
		assertThat(admin.postForm(page, throughAnotherSupporter, Map.of()).statusCode())
			.as("a comp is revoked only through its own supporter")
			.isEqualTo(404);
		assertThat(admin.get(page).body()).contains("<strong>Comp</strong>");
		admin.postForm(page, revoke.group(1), Map.of());
		assertThat(admin.get(page).body()).contains("<strong>None</strong>").contains("(revoked");
		assertThat(this.db.fetchCount(AUDIT_LOG, AUDIT_LOG.TARGET.eq("supporter:" + id))).isEqualTo(2);
	}

	/** Pledges and pays with a good card, and comes back to the thank-you page. */
	private void paid(Map<String, String> form) {
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader.pay(reader.pledge(form), "4242424242424242");
		assertThat(reader.get(Reader.location(paid)).statusCode()).isEqualTo(200);
		this.inbox.applyDue();
	}

	private UUID supporter(String email, String name, OffsetDateTime joined) {
		return this.db.insertInto(SUPPORTER)
			.set(SUPPORTER.EMAIL, email)
			.set(SUPPORTER.NAME, name)
			.set(SUPPORTER.CREATED_AT, joined.toInstant())
			.returning(SUPPORTER.ID)
			.fetchSingle()
			.getId();
	}

	private void pledge(UUID supporterId, String kind, String interval, String status, String provider) {
		OffsetDateTime now = now();
		UUID pledge = this.db.insertInto(PLEDGE)
			.set(PLEDGE.SUPPORTER_ID, supporterId)
			.set(PLEDGE.KIND, PledgeKind.of(kind))
			.set(PLEDGE.AMOUNT_MINOR, 500L)
			.set(PLEDGE.CURRENCY, "EUR")
			.set(PLEDGE.BILLING_INTERVAL, interval)
			.set(PLEDGE.STATUS, PledgeStatus.of(status))
			.set(PLEDGE.PROVIDER, Provider.of(provider))
			.set(PLEDGE.PROVIDER_REF, "test_" + UUID.randomUUID())
			.set(PLEDGE.CURRENT_PERIOD_END, "recurring".equals(kind) ? now.plusDays(20).toInstant() : null)
			.set(PLEDGE.PROVIDER_STATE_AT, now.toInstant())
			.returning(PLEDGE.ID)
			.fetchSingle()
			.getId();
		this.db.insertInto(PAYMENT)
			.set(PAYMENT.PLEDGE_ID, pledge)
			.set(PAYMENT.AMOUNT_MINOR, 500L)
			.set(PAYMENT.CURRENCY, "EUR")
			.set(PAYMENT.STATUS, PaymentStatus.SUCCEEDED)
			.set(PAYMENT.PROVIDER, Provider.of(provider))
			.set(PAYMENT.PROVIDER_REF, "test_" + UUID.randomUUID())
			.set(PAYMENT.OCCURRED_AT, now.toInstant())
			.set(PAYMENT.PROVIDER_STATE_AT, now.toInstant())
			.execute();
	}

	private static List<String> emails(String page) {
		List<String> emails = new ArrayList<>();
		Matcher matcher = ROW_EMAIL.matcher(page);
		while (matcher.find()) {
			emails.add(matcher.group(1));
		}
		return emails;
	}

	private static long figure(String page, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\">([0-9,]+)<").matcher(page);
		assertThat(matcher.find()).as("figure " + id).isTrue();
		return Long.parseLong(matcher.group(1).replace(",", ""));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String unique(String what) {
		return what + "-" + UUID.randomUUID() + "@example.com";
	}

}
