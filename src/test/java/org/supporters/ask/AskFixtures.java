package org.supporters.ask;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.generated.Tables.ASK;

/** Asks made through the admin form, and removed after each test. */
final class AskFixtures {

	private AskFixtures() {
	}

	/** The form's fields for a live ask at the end of articles with one variant. */
	static Map<String, String> liveAsk(String placement, String headline) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Test ask " + UUID.randomUUID());
		fields.put("placement", placement);
		fields.put("startsAt", AskForm.local(Instant.now().minus(1, ChronoUnit.HOURS)));
		fields.put("endsAt", "");
		fields.put("tickerGoal", "");
		fields.put("tickerUnit", "supporters");
		fields.put("tickerFrom", "");
		fields.put("tickerUntil", "");
		fields.put("a.share", "100");
		fields.put("a.headline", headline);
		fields.put("a.body",
				"You've read %ARTICLE_COUNT% articles in the last 30 days.\n\nReaders pay for [our work](https://news.example.com/about).");
		fields.put("a.buttonLabel", "Support us");
		fields.put("a.amounts", "4, 8, 15");
		fields.put("a.frequency", "monthly");
		return fields;
	}

	static Map<String, String> withVariantB(Map<String, String> fields, int shareA, String headline) {
		fields.put("a.share", String.valueOf(shareA));
		fields.put("b.share", String.valueOf(100 - shareA));
		fields.put("b.headline", headline);
		fields.put("b.body", "Every reader counts.");
		fields.put("b.buttonLabel", "Give now");
		fields.put("b.amounts", "3, 6");
		fields.put("b.frequency", "one-off");
		return fields;
	}

	static StaffMember admin(int port) {
		return StaffMember.signedIn(port, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	static HttpResponse<String> post(StaffMember admin, Map<String, String> fields) {
		return admin.postForm("/staff/admin/asks/new", "/staff/admin/asks", fields);
	}

	/** Creates the ask and answers its id. */
	static UUID create(StaffMember admin, Map<String, String> fields) {
		HttpResponse<String> saved = post(admin, fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		return UUID.fromString(Reader.location(saved).replaceAll(".*/staff/asks/", ""));
	}

	/**
	 * Every ask gone (their counts and variants with them), and no instance remembers
	 * them.
	 */
	static void removeAll(DSLContext db, Asks asks) {
		db.deleteFrom(ASK).execute();
		asks.forget();
	}

}
