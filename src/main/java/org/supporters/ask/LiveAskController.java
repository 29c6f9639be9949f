package org.supporters.ask;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live asks as members.js needs them, with the targeting settings: the same answer
 * for every reader of a language (the tickers' words are in the reader's language, by
 * {@code Accept-Language} as for pages), so caches and CDNs may keep it for a minute.
 */
@RestController
class LiveAskController {

	private final Asks asks;

	private final AskProperties properties;

	LiveAskController(Asks asks, AskProperties properties) {
		this.asks = asks;
		this.properties = properties;
	}

	@GetMapping(path = AskSecurity.LIVE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LiveAsks> live(Locale locale) {
		Asks.Live live = this.asks.live();
		List<LiveAsk> asks = live.asks()
			.stream()
			.map((ask) -> new LiveAsk(ask.id().toString(), ask.placement().code(),
					ask.variants()
						.stream()
						.map((variant) -> new LiveVariant(variant.key(), variant.share(), variant.headline(),
								variant.body(), variant.buttonLabel()))
						.toList(),
					ticker(live, ask, locale)))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
			// the language comes from these (a page's language cookie, else the
			// browser's)
			.varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
			.body(new LiveAsks(this.properties.minimumArticles(), this.properties.fewerAsksDays(),
					this.properties.closedDays(), asks));
	}

	private Asks.TickerProgress ticker(Asks.Live live, Ask ask, Locale locale) {
		Asks.Count count = live.tickers().get(ask.id());
		return (count != null) ? this.asks.progress(count, locale) : null;
	}

	record LiveAsks(int minimumArticles, int fewerAsksDays, int closedDays, List<LiveAsk> asks) {
	}

	record LiveAsk(String id, String placement, List<LiveVariant> variants, Asks.TickerProgress ticker) {
	}

	record LiveVariant(String key, int share, String headline, String body, String button) {
	}

}
