package org.supporters.lifecycle;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.TestMail;
import org.supporters.membership.MembershipService;
import org.supporters.platform.JobLocks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices of a date ahead: a yearly renewal, a contribution's benefits and a comp
 * ending. Rather than move the shared sandbox clock a year, each test dates its pledge
 * back in the ledger, as if it had been paid that long ago.
 */
class LifecycleNoticeTests extends IntegrationTest {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	@Autowired
	LifecycleJobs jobs;

	@Autowired
	JobLocks locks;

	@Autowired
	MembershipService memberships;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void aYearlyRenewalIsAnnouncedWithItsAmountOnceAWeekAhead() {
		String email = pledge("yearly", "yearly", "tier:supporter");
		Instant renewsOn = this.clock.instant().plus(Duration.ofDays(5));
		this.jdbc.update("""
				update pledge set current_period_end = ?
				where supporter_id = (select id from supporter where email = ?)""", Timestamp.from(renewsOn), email);
		String later = pledge("yearly-later", "yearly", "tier:supporter");
		this.jdbc.update("""
				update pledge set current_period_end = ?
				where supporter_id = (select id from supporter where email = ?)""",
				Timestamp.from(this.clock.instant().plus(Duration.ofDays(8))), later);

		assertThat(this.jobs.sendNotices()).isTrue();
		this.jobs.sendNotices();

		List<ReceivedMail> mails = mailsTo(email, 2);
		ReceivedMail notice = mails.get(1);
		assertThat(notice.subject()).isEqualTo("Your yearly support of Supporters renews on " + DATE.format(renewsOn));
		assertThat(notice.text()).contains("we will take €100.00 then", "Renews on: " + DATE.format(renewsOn),
				"To change the amount or cancel before then", url("/account"));
		assertThat(notice.html()).contains("€100.00", "href=\"" + url("/account") + "\"");
		assertThat(TestMail.countTo(later)).as("eight days ahead: not yet").isEqualTo(1);
	}

	@Test
	void aContributionsEndIsToldWithAnInvitationToGiveMonthlyUnlessTheReaderAlreadyDoes() {
		String email = pledge("contributor", "one-off", "preset:1000");
		Instant paidAt = datedBack(email, 86);
		String givesYearly = pledge("contributor-then-yearly", "one-off", "preset:1000");
		datedBack(givesYearly, 86);
		pledgeAgain(givesYearly, "yearly", "tier:friend");

		this.jobs.sendNotices();
		this.jobs.sendNotices();

		Instant endsOn = paidAt.plus(Duration.ofDays(90));
		ReceivedMail ending = mailsTo(email, 2).get(1);
		assertThat(ending.subject()).isEqualTo("Your contribution’s benefits end on " + DATE.format(endsOn));
		assertThat(ending.text()).contains("your contribution of €10.00 to Supporters",
				"The benefits it gave you end on " + DATE.format(endsOn), "support us monthly", "Support us monthly:",
				url("/support"));
		assertThat(TestMail.countTo(givesYearly)).as("two welcomes, no invitation").isEqualTo(2);
	}

	@Test
	void aCompEndingInAWeekIsToldUnlessTheReaderStaysAMemberAfterIt() {
		String email = pledge("comped", "one-off", "preset:500");
		datedBack(email, 200);
		Instant until = this.clock.instant().plus(Duration.ofDays(5));
		this.memberships.grantComp(supporterId(email), "patron", until, "Thanks for the tip-off", null);
		String paying = pledge("comped-paying", "monthly", "tier:supporter");
		this.memberships.grantComp(supporterId(paying), "patron", until, "Conference guest", null);

		this.jobs.sendNotices();
		this.jobs.sendNotices();

		ReceivedMail ending = mailsTo(email, 2).get(1);
		assertThat(ending.subject()).isEqualTo("Your Patron membership ends on " + DATE.format(until));
		assertThat(ending.text()).contains("The Patron membership Supporters gave you ends on " + DATE.format(until),
				"What it gives you: Members-only stories, No advertising, Fewer requests for support",
				"Become a supporter:", url("/support"));
		assertThat(TestMail.countTo(paying)).as("their monthly pledge goes on: no notice").isEqualTo(1);
	}

	@Test
	void noticesAreSentByOneInstanceAtATime() {
		String email = pledge("locked", "yearly", "tier:supporter");
		this.jdbc.update("""
				update pledge set current_period_end = ?
				where supporter_id = (select id from supporter where email = ?)""",
				Timestamp.from(this.clock.instant().plus(Duration.ofDays(3))), email);

		Optional<JobLocks.Held> other = this.locks.tryLock("lifecycle.notices");
		assertThat(other).isPresent();
		try (JobLocks.Held held = other.get()) {
			assertThat(this.jobs.sendNotices()).as("another instance sends them").isFalse();
			assertThat(TestMail.countTo(email)).isEqualTo(1);
		}
		assertThat(this.jobs.sendNotices()).isTrue();
		assertThat(mailsTo(email, 2).get(1).subject()).startsWith("Your yearly support of Supporters renews on");
	}

	private String pledge(String name, String frequency, String option) {
		String email = name + "-" + UUID.randomUUID() + "@example.org";
		pledgeAgain(email, frequency, option);
		return email;
	}

	private void pledgeAgain(String email, String frequency, String option) {
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader
			.pay(reader.pledge(Map.of("frequency", frequency, "option", option, "email", email)), "4242424242424242");
		reader.get(Reader.location(paid));
	}

	/** The reader's one-off contribution, as if paid this many days ago. */
	private Instant datedBack(String email, int days) {
		Instant paidAt = this.clock.instant().minus(Duration.ofDays(days));
		this.jdbc.update("""
				update pledge set created_at = ?
				where kind = 'one_off' and supporter_id = (select id from supporter where email = ?)""",
				Timestamp.from(paidAt), email);
		return paidAt;
	}

	private UUID supporterId(String email) {
		return this.memberships.supporterIdOf(email).orElseThrow();
	}

	private static List<ReceivedMail> mailsTo(String email, int count) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (TestMail.countTo(email) < count && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		List<ReceivedMail> mails = TestMail.allTo(email).stream().map(ReceivedMail::of).toList();
		assertThat(mails).as("mails to " + email).hasSize(count);
		return mails;
	}

}
