package org.supporters.payment;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins see what waits or fails in the provider event inbox, and retry an event. */
class InboxAdminTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminSeesFailingEventsWithTheirErrorAndThatTheSandboxNeedsNoReconciliation() {
		String eventId = failingEvent();

		String page = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/staff/admin/inbox").body();

		assertThat(page).contains(eventId, "The pledge is not known yet", "Retry now");
		assertThat(page).contains("there is nothing to reconcile").doesNotContain("id=\"drift\"");
	}

	@Test
	void anAdminsRetryIsTriedAtOnceAndAuditedEvenWhenItFailsAgain() {
		long id = this.jdbc.queryForObject("select id from provider_event where event_id = ?", Long.class,
				failingEvent());
		StaffMember admin = StaffMember.signedIn(this.port, ADMIN_EMAIL, ADMIN_PASSWORD);

		HttpResponse<String> retried = admin.postForm("/staff/admin/inbox", "/staff/admin/inbox/" + id + "/retry",
				Map.of());

		assertThat(retried.statusCode()).isEqualTo(302);
		assertThat(admin.get("/staff/admin/inbox").body()).contains("Event " + id + " was tried again");
		assertThat(this.jdbc.queryForMap("select attempts, last_error from provider_event where id = ?", id))
			.containsEntry("attempts", 3)
			.doesNotContainEntry("last_error", "The pledge is not known yet");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'inbox.retry' and target = ? and staff_user_id is not null",
				Long.class, "provider_event:" + id))
			.isEqualTo(1);
	}

	/** An event tried twice already, whose payload names nothing the sandbox knows. */
	private String failingEvent() {
		String eventId = "evt_failing_" + UUID.randomUUID();
		this.jdbc.update("insert into provider_event (provider, event_id, type, payload, attempts, next_attempt_at, "
				+ "last_error) values ('sandbox', ?, 'checkout.completed', '{}'::jsonb, 2, now() + interval '1 hour', "
				+ "'The pledge is not known yet')", eventId);
		return eventId;
	}

}
