package org.supporters.webhook;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.webhook.WebhookTests.Receiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * membership.changed also for what no provider tells of: a staff comp granted or revoked,
 * and a membership that simply runs out with time (a comp's last day, a one-off
 * contribution's benefits), each told of once with the old and the new membership.
 */
class MembershipChangedTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookDelivery delivery;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	private Receiver receiver;

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			this.receiver.stop();
		}
		this.jdbc.update("delete from webhook_endpoint");
	}

	@Test
	void aCompGrantedAndRevokedByStaffIsAMembershipChangeEachTime() throws Exception {
		StaffMember admin = listen();
		UUID supporter = contributor();

		String page = "/staff/supporters/" + supporter;
		HttpResponse<String> granted = admin.postForm(page, "/staff/admin/supporters/" + supporter + "/comps",
				Map.of("tier", "patron", "validUntil", today().plusDays(30).toString(), "reason", "Press pass"));
		assertThat(granted.statusCode()).isEqualTo(302);
		Matcher revoke = Pattern.compile("action=\"(/staff/admin/supporters/[^\"]+/revoke)\"")
			.matcher(admin.get(page).body());
		assertThat(revoke.find()).isTrue();
		assertThat(admin.postForm(page, revoke.group(1), Map.of()).statusCode()).isEqualTo(302);
		deliverAll();

		List<JsonNode> changes = changesOf(supporter);
		assertThat(changes).hasSize(3);
		assertChange(changes.get(0), "none", "contributor");
		assertChange(changes.get(1), "contributor", "comp");
		assertThat(changes.get(1).path("current").path("tier").asString()).isEqualTo("patron");
		assertThat(changes.get(1).path("current").path("benefits").isArray()).isTrue();
		assertThat(changes.get(1).path("current").path("benefits")).isNotEmpty();
		assertThat(changes.get(1).path("previous").path("tier").isNull()).isTrue();
		assertChange(changes.get(2), "comp", "contributor");
		assertThat(changes.get(2).path("previous").path("tier").asString()).isEqualTo("patron");
	}

	@Test
	void membershipsThatRunOutWithTimeAloneAreToldOfOnceEach() throws Exception {
		StaffMember admin = listen();
		UUID contributor = contributor();
		UUID comped = contributor();
		HttpResponse<String> granted = admin.postForm("/staff/supporters/" + comped,
				"/staff/admin/supporters/" + comped + "/comps",
				Map.of("tier", "supporter", "validUntil", today().toString(), "reason", "A day's pass"));
		assertThat(granted.statusCode()).isEqualTo(302);
		deliverAll();
		assertThat(changesOf(comped)).hasSize(2);

		advance(2);
		tellLapses();
		tellLapses();
		deliverAll();

		assertThat(changesOf(contributor)).as("a contribution lasts 90 days").hasSize(1);
		List<JsonNode> compEnded = changesOf(comped);
		assertThat(compEnded).as("the comp's last day passed").hasSize(3);
		assertChange(compEnded.get(2), "comp", "contributor");
		assertThat(compEnded.get(2).path("previous").path("tier").asString()).isEqualTo("supporter");

		advance(89);
		tellLapses();
		tellLapses();
		deliverAll();

		List<JsonNode> contributionEnded = changesOf(contributor);
		assertThat(contributionEnded).as("the contribution's 90 days passed").hasSize(2);
		assertChange(contributionEnded.get(1), "contributor", "none");
		assertThat(contributionEnded.get(1).path("previous").path("member").asBoolean()).isTrue();
		assertThat(contributionEnded.get(1).path("current").path("member").asBoolean()).isFalse();
		assertThat(contributionEnded.get(1).path("current").path("benefits")).isEmpty();
		assertThat(changesOf(comped)).hasSize(4);
		assertChange(changesOf(comped).get(3), "contributor", "none");
	}

	private StaffMember listen() throws IOException {
		this.receiver = new Receiver((exchange, count) -> exchange.sendResponseHeaders(204, -1));
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);
		HttpResponse<String> made = admin.postForm("/staff/admin/webhooks", "/staff/admin/webhooks",
				Map.of("url", this.receiver.url(), "events", "membership.changed"));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
		return admin;
	}

	/** A reader who gave once: a contributor for 90 days. */
	private UUID contributor() {
		String email = "changed-" + UUID.randomUUID() + "@example.org";
		Reader reader = new Reader(this.port);
		HttpResponse<String> paid = reader.pay(
				reader.pledge(Map.of("frequency", "one-off", "option", "preset:1000", "email", email)),
				"4242 4242 4242 4242");
		assertThat(reader.get(Reader.location(paid)).body()).contains("You are now a supporter");
		return this.jdbc.queryForObject("select id from supporter where email = ?", UUID.class, email);
	}

	/** The service's today, on the sandbox clock that other tests may have moved. */
	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private void advance(int days) {
		Reader person = new Reader(this.port);
		HttpResponse<String> moved = person.post("/sandbox/clock", person.get("/sandbox/clock").body(),
				Map.of("days", String.valueOf(days)));
		assertThat(moved.statusCode()).isEqualTo(302);
	}

	private void tellLapses() {
		for (int run = 0; run < 1000 && this.outbox.tellLapses(); run++) {
			// a full batch: more may wait
		}
	}

	private void deliverAll() {
		for (int run = 0; run < 1000 && this.jdbc
			.queryForObject("select count(*) from webhook_delivery where status = 'pending'", Long.class) > 0; run++) {
			this.delivery.deliverDue();
		}
	}

	/** The data of the membership.changed events the receiver got for this supporter. */
	private List<JsonNode> changesOf(UUID supporter) {
		return this.receiver.bodies()
			.stream()
			.map(this.json::readTree)
			.filter((event) -> event.path("type").asString().equals("membership.changed"))
			.map((event) -> event.path("data"))
			.filter((data) -> data.path("supporterId").asString().equals(supporter.toString()))
			.toList();
	}

	private static void assertChange(JsonNode change, String from, String to) {
		assertThat(change.path("previous").path("status").asString()).as(change.toString()).isEqualTo(from);
		assertThat(change.path("current").path("status").asString()).as(change.toString()).isEqualTo(to);
	}

}
