package org.supporters.ask;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.supporters.IntegrationTest;
import org.supporters.Reader;
import org.supporters.StaffMember;
import org.supporters.pledge.CheckoutAttributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.generated.Tables.ASK;
import static org.jooq.generated.Tables.ASK_EVENT_COUNT;
import static org.jooq.generated.Tables.CHECKOUT;

/**
 * Asks through the staff pages, the events endpoint and the report, on the whole service.
 */
class AskTests extends IntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	DSLContext db;

	@Autowired
	Asks asks;

	@Autowired
	EventCounts counts;

	@Autowired
	CheckoutAttributions attributions;

	@AfterEach
	void removeAsks() {
		AskFixtures.removeAll(this.db, this.asks);
	}

	@Test
	void anAdminCreatesAnAskThatStaffCanReadButNotChange() {
		StaffMember admin = AskFixtures.admin(this.port);
		Map<String, String> fields = AskFixtures.liveAsk("article", "Winter appeal headline");
		UUID id = AskFixtures.create(admin, fields);
		StaffMember staff = StaffMember.signedIn(this.port, admin.addStaff("STAFF", "a long staff password"),
				"a long staff password");

		assertThat(staff.get("/staff/asks").body()).contains(fields.get("name")).contains("/staff/asks/" + id);
		assertThat(staff.get("/staff/asks/" + id).body()).contains("Winter appeal headline")
			.contains("€4.00, €8.00, €15.00");
		assertThat(staff.get("/staff/admin/asks/" + id).statusCode()).isEqualTo(403);
		assertThat(staff.reader()
			.post("/staff/admin/asks/" + id, staff.get("/staff/asks").body(), AskFixtures.liveAsk("article", "Changed"))
			.statusCode()).isEqualTo(403);
		assertThat(this.asks.find(id).orElseThrow().variants().get(0).headline()).isEqualTo("Winter appeal headline");
	}

	@Test
	void anEmptyHeadlineIsRefusedNextToItsField() {
		assertRefused((fields) -> fields.put("a.headline", " "), "Write a headline.");
	}

	@Test
	void amountsOutsideThePledgeLimitsAreRefused() {
		assertRefused((fields) -> fields.put("a.amounts", "1, 10"),
				"Each amount must be between €2.00 and €10,000.00, the limits of a pledge; €1.00 is not.");
		assertRefused((fields) -> fields.put("a.amounts", "5, 20000"), "€20,000.00 is not.");
	}

	@Test
	void sharesThatDoNotAddUpTo100AreRefused() {
		assertRefused((fields) -> {
			AskFixtures.withVariantB(fields, 50, "Other headline");
			fields.put("b.share", "40");
		}, "The variants&#39; shares must add up to 100; they add up to 90.");
	}

	@Test
	void anEndBeforeTheStartIsRefused() {
		assertRefused((fields) -> fields.put("endsAt", "2020-01-01T00:00"), "The end must be after the start.");
	}

	@Test
	void aSecondLiveAskForThePlacementIsRefusedButTheOtherPlacementIsFree() {
		StaffMember admin = AskFixtures.admin(this.port);
		Map<String, String> first = AskFixtures.liveAsk("article", "First");
		AskFixtures.create(admin, first);

		assertRefused((fields) -> fields.put("name", "Second"), "Only one ask can be live per placement, and &quot;"
				+ first.get("name") + "&quot; is live there in this period.");
		AskFixtures.create(admin, AskFixtures.liveAsk("banner", "A banner at the same time"));
	}

	@Test
	void eventsAreCountedFromAnyOriginWithoutACookie() {
		UUID id = AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Counted"));
		String batch = "{\"events\":[" + event(id, "a", "article", "shown") + "," + event(id, "a", "article", "shown")
				+ "," + event(id, "a", "article", "clicked") + "]}";

		HttpResponse<String> answer = postEvents(batch, "text/plain", "203.0.113.10");

		assertThat(answer.statusCode()).isEqualTo(204);
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
		this.counts.flush();
		assertThat(this.db.select(ASK_EVENT_COUNT.EVENT, ASK_EVENT_COUNT.N)
			.from(ASK_EVENT_COUNT)
			.where(ASK_EVENT_COUNT.ASK_ID.eq(id))
			.fetchMap(ASK_EVENT_COUNT.EVENT, ASK_EVENT_COUNT.N)).isEqualTo(Map.of("shown", 2L, "clicked", 1L));
	}

	@Test
	void eventsOfTheWrongShapeSizeOrAskAreRefusedAndNothingIsStored() {
		UUID id = AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Strict"));
		String good = event(id, "a", "article", "shown");
		List<String> bad = List.of("", "not json", "[]", "{\"events\":[]}",
				"{\"events\":[" + good + "],\"reader\":\"x\"}",
				"{\"events\":[" + good.replace("}", ",\"reader\":\"me\"}") + "]}",
				"{\"events\":[" + good.replace("\"shown\"", "\"bought\"") + "]}",
				"{\"events\":[" + good.replace("\"article\"", "\"sidebar\"") + "]}",
				"{\"events\":[" + good.replace("\"a\"", "1") + "]}",
				"{\"events\":[" + good + "," + event(UUID.randomUUID(), "a", "article", "shown") + "]}",
				"{\"events\":[" + event(id, "b", "article", "shown") + "]}",
				"{\"events\":[" + event(id, "a", "banner", "shown") + "]}",
				"{\"events\":[" + String.join(",", java.util.Collections.nCopies(51, good)) + "]}",
				"{\"events\":[" + good + "],\"padding\":\"" + "x".repeat(9000) + "\"}");

		for (String body : bad) {
			HttpResponse<String> answer = postEvents(body, "application/json", "203.0.113.11");
			assertThat(answer.statusCode()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(postEvents("{\"events\":[" + good + "]}", "application/x-www-form-urlencoded", "203.0.113.11")
			.statusCode()).isEqualTo(415);
		this.counts.flush();
		assertThat(this.db.fetchCount(ASK_EVENT_COUNT, ASK_EVENT_COUNT.ASK_ID.eq(id))).isZero();
	}

	@Test
	void oneAddressCannotInflateAnAsksFiguresBeyondTheRateLimit() {
		UUID id = AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Limited"));
		String batch = "{\"events\":["
				+ String.join(",", java.util.Collections.nCopies(50, event(id, "a", "article", "clicked"))) + "]}";
		String address = "203.0.113." + (20 + (int) (Math.random() * 200));

		List<Integer> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(postEvents(batch, "text/plain", address).statusCode());
		}

		// 120 events a minute: two batches of 50 pass, the third would pass the limit
		assertThat(statuses).containsExactly(204, 204, 429, 429);
		assertThat(postEvents(batch, "text/plain", "198.51.100.99").statusCode()).isEqualTo(204);
		this.counts.flush();
		assertThat(this.db.select(ASK_EVENT_COUNT.N)
			.from(ASK_EVENT_COUNT)
			.where(ASK_EVENT_COUNT.ASK_ID.eq(id))
			.fetchOne(ASK_EVENT_COUNT.N)).isEqualTo(150L);
	}

	@Test
	void theReportsFiguresAndSignificanceMatchAnIndependentComputation() {
		StaffMember admin = AskFixtures.admin(this.port);
		UUID id = AskFixtures.create(admin, AskFixtures.withVariantB(AskFixtures.liveAsk("article", "Control headline"),
				50, "Challenger headline"));
		// 1,000 views each; 100 clicks on A, 130 on B
		for (int i = 0; i < 1000; i++) {
			this.counts.add(id, "a", Placement.ARTICLE, AskEvent.SHOWN);
			this.counts.add(id, "b", Placement.ARTICLE, AskEvent.SHOWN);
		}
		for (int i = 0; i < 130; i++) {
			if (i < 100) {
				this.counts.add(id, "a", Placement.ARTICLE, AskEvent.CLICKED);
			}
			this.counts.add(id, "b", Placement.ARTICLE, AskEvent.CLICKED);
		}
		this.counts.flush();
		String article = url("/demo/article");
		// A: one €4.00 monthly pledge and one checkout left unpaid; B: €3.00 and €6.00
		// one-off
		pledgeFromAsk(id, "a", article, "400", "monthly", true);
		pledgeFromAsk(id, "a", article, "800", "monthly", false);
		pledgeFromAsk(id, "b", article, "300", "one-off", true);
		pledgeFromAsk(id, "b", article, "600", "one-off", true);

		String page = admin.get("/staff/asks/" + id).body();

		assertThat(row(page, "a")).containsSubsequence(">1000<", ">100<", ">10.00%<", ">0<", ">2<", ">1<", ">1.00<",
				">€4.00<");
		assertThat(row(page, "b")).containsSubsequence(">1000<", ">130<", ">13.00%<", ">0<", ">2<", ">2<", ">2.00<",
				">€9.00<");
		// pooled two-proportion z-test by hand: p = 230/2000, z = 0.03 /
		// sqrt(p(1-p)(2/1000)) = 2.1027,
		// two-sided p = erfc(z/√2) = 0.0355
		assertThat(page).contains("variant B gets more clicks than variant A (p = 0.035): unlikely to be chance.");
		// 1 vs 2 pledges in 1,000 views: z = 0.578, p = 0.563
		assertThat(page)
			.contains("No clear difference in pledges per view between variant A and variant B (p = 0.563)");
		assertThat(admin.get("/staff/asks").body()).contains(article);
	}

	@Test
	void belowTheStatedSampleSizeTheReportSaysThereIsNotEnoughData() {
		StaffMember admin = AskFixtures.admin(this.port);
		UUID id = AskFixtures.create(admin,
				AskFixtures.withVariantB(AskFixtures.liveAsk("article", "Control"), 50, "Challenger"));
		for (int i = 0; i < 999; i++) {
			this.counts.add(id, "a", Placement.ARTICLE, AskEvent.SHOWN);
			this.counts.add(id, "b", Placement.ARTICLE, AskEvent.SHOWN);
		}
		this.counts.flush();

		assertThat(admin.get("/staff/asks/" + id).body())
			.contains("Not enough data yet: each variant needs at least 1,000 views.");
	}

	@Test
	void markupInAsksCopyIsShownAsTextOnStaffPages() {
		StaffMember admin = AskFixtures.admin(this.port);
		Map<String, String> fields = AskFixtures.liveAsk("article", "<script>alert('headline')</script>");
		fields.put("a.body", "<img src=x onerror=alert(1)>");
		fields.put("name", "<b>bold</b> name");
		UUID id = AskFixtures.create(admin, fields);

		for (String path : List.of("/staff/asks", "/staff/asks/" + id, "/staff/admin/asks/" + id)) {
			String page = admin.get(path).body();
			assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>bold");
		}
		assertThat(admin.get("/staff/asks/" + id).body())
			.contains("&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;");
	}

	@Test
	void aLinkThatIsNotTheWebIsRefusedInTheText() {
		assertRefused((fields) -> fields.put("a.body", "Click [here](javascript:alert(1))"),
				"Links must start with https://, http:// or /");
	}

	@Test
	void theLiveAsksAnswerAnyOriginAndCarryTheTargetingSettings() {
		AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("banner", "Live banner"));

		HttpResponse<String> answer = new Reader(this.port).get("/api/v1/asks",
				Map.of("Origin", "https://elsewhere.example", "Accept", "application/json"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(answer.body()).contains("\"minimumArticles\":3", "\"fewerAsksDays\":7", "\"closedDays\":7",
				"\"placement\":\"banner\"", "\"headline\":\"Live banner\"");
	}

	@Test
	void theSupportPageOffersTheAsksAmountsAndKeepsItWhenTheReaderComesBackFromACanceledCheckout() {
		UUID id = AskFixtures.create(AskFixtures.admin(this.port), AskFixtures.liveAsk("article", "Prefill"));
		Reader reader = new Reader(this.port);
		String page = reader.get("/support?ask=" + id + "&variant=a&article=" + encode(url("/demo/article"))).body();
		assertThat(page).contains("value=\"preset:400\"", "value=\"preset:800\"", "value=\"preset:1500\"")
			.doesNotContain("value=\"preset:2500\"")
			.containsPattern("value=\"monthly\"[^>]*checked");
		String email = "canceled-" + UUID.randomUUID() + "@example.org";
		Map<String, String> form = new LinkedHashMap<>(Map.of("attempt", Reader.attemptToken(page), "frequency",
				"monthly", "option", "preset:800", "email", email, "ask", id.toString(), "variant", "a"));
		assertThat(reader.post("/support", page, form).statusCode()).isEqualTo(302);
		UUID checkout = this.db.select(CHECKOUT.ID)
			.from(CHECKOUT)
			.where(CHECKOUT.EMAIL.eq(email))
			.fetchSingle(CHECKOUT.ID);

		String back = reader.get("/support?checkout=" + checkout).body();

		assertThat(back).contains("name=\"ask\" value=\"" + id + "\"").contains("value=\"preset:800\"");
	}

	@Test
	void anUnknownAskOnTheSupportPageIsIgnored() {
		String page = new Reader(this.port).get("/support?ask=" + UUID.randomUUID() + "&variant=a&article=javascript:1")
			.body();

		assertThat(page).doesNotContain("name=\"ask\"")
			.doesNotContain("name=\"article\"")
			.contains("value=\"preset:2500\"");
	}

	@Test
	void theTickerCountsThePledgesCompletedInItsPeriod() {
		Map<String, String> fields = AskFixtures.liveAsk("banner", "Help us reach 500");
		fields.put("tickerGoal", "500");
		fields.put("tickerUnit", "supporters");
		fields.put("tickerFrom", fields.get("startsAt"));
		UUID id = AskFixtures.create(AskFixtures.admin(this.port), fields);
		long before = this.asks.live().tickers().get(id).progress();

		pledgeFromAsk(id, "a", url("/demo/article"), "400", "monthly", true);
		this.asks.forget();

		Asks.TickerProgress ticker = this.asks.progress(this.asks.live().tickers().get(id), java.util.Locale.UK);
		assertThat(ticker.progress()).isEqualTo(before + 1);
		assertThat(ticker.text()).isEqualTo(String.format(java.util.Locale.UK, "%,d of 500 supporters", before + 1));
		assertThat(new Reader(this.port).get("/api/v1/asks", Map.of()).body())
			.contains("\"ticker\":{\"goal\":500,\"progress\":" + (before + 1));
	}

	@Test
	void theTickerIsWordedInTheReadersLanguage() {
		Map<String, String> fields = AskFixtures.liveAsk("article", "Help us reach 5000");
		fields.put("tickerGoal", "5000");
		fields.put("tickerUnit", "supporters");
		fields.put("tickerFrom", fields.get("startsAt"));
		AskFixtures.create(AskFixtures.admin(this.port), fields);
		this.asks.forget();

		HttpResponse<String> german = new Reader(this.port).get("/api/v1/asks",
				Map.of("Accept-Language", "fr-CH, de;q=0.8"));
		HttpResponse<String> english = new Reader(this.port).get("/api/v1/asks", Map.of());

		assertThat(german.body()).containsPattern("\"text\":\"[0-9.]+ von 5\\.000 Unterstützern\"");
		assertThat(english.body()).containsPattern("\"text\":\"[0-9,]+ of 5,000 supporters\"");
		assertThat(german.headers().allValues("Vary").toString()).contains("Accept-Language");
	}

	@Test
	void aTickerWithoutAStartIsRefused() {
		assertRefused((fields) -> fields.put("tickerGoal", "500"), "Enter when the ticker starts counting.");
	}

	private void assertRefused(Consumer<Map<String, String>> change, String message) {
		StaffMember admin = AskFixtures.admin(this.port);
		Map<String, String> fields = AskFixtures.liveAsk("article", "Headline");
		change.accept(fields);
		int before = this.db.fetchCount(ASK);

		HttpResponse<String> answer = AskFixtures.post(admin, fields);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("class=\"field-error\"").contains(message);
		assertThat(this.db.fetchCount(ASK)).isEqualTo(before);
	}

	/**
	 * A reader clicks the ask's button, chooses an amount the ask suggested, and pays (or
	 * not).
	 */
	private void pledgeFromAsk(UUID ask, String variant, String article, String minor, String frequency, boolean pay) {
		Reader reader = new Reader(this.port);
		String query = "?ask=" + ask + "&variant=" + variant + "&article=" + encode(article) + "&return="
				+ encode(article) + "&utm_source=newsletter";
		String page = reader.get("/support" + query).body();
		assertThat(page).contains("name=\"ask\" value=\"" + ask + "\"")
			.contains("name=\"utm_source\" value=\"newsletter\"");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("attempt", Reader.attemptToken(page));
		form.put("frequency", frequency);
		form.put("option", "preset:" + minor);
		form.put("email", "ask-" + UUID.randomUUID() + "@example.org");
		form.put("ask", ask.toString());
		form.put("variant", variant);
		form.put("article", article);
		form.put("utm_source", "newsletter");
		HttpResponse<String> started = reader.post("/support", page, form);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		if (pay) {
			HttpResponse<String> paid = reader.pay(started, "4242424242424242");
			reader.get(Reader.location(paid));
			assertThat(this.attributions.broughtBy(form.get("email"))).singleElement().satisfies((brought) -> {
				assertThat(brought.ask()).isEqualTo(ask);
				assertThat(brought.variant()).isEqualTo(variant);
				assertThat(brought.article()).isEqualTo(article);
				assertThat(brought.utmSource()).isEqualTo("newsletter");
			});
		}
	}

	private static String row(String page, String variant) {
		int start = page.indexOf("<tr data-variant=\"" + variant + "\"");
		assertThat(start).as("the row of variant %s", variant).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String event(UUID ask, String variant, String placement, String event) {
		return "{\"ask\":\"" + ask + "\",\"variant\":\"" + variant + "\",\"placement\":\"" + placement
				+ "\",\"event\":\"" + event + "\"}";
	}

	private HttpResponse<String> postEvents(String body, String type, String address) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/ask-events")))
				.header("Content-Type", type)
				.header("Origin", "https://any-site.example")
				.header("X-Forwarded-For", address)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
