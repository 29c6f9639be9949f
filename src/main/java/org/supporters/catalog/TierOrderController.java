package org.supporters.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tiers in the catalog's order, lowest first, so that article pages (members.js, the
 * WordPress plugin) can tell whether a reader's tier is a page's tier "or above". Retired
 * tiers are listed too: their pledges go on.
 */
@RestController
class TierOrderController {

	private final Catalog catalog;

	TierOrderController(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Public data, read by pages on any origin without credentials. */
	@CrossOrigin(origins = "*", allowCredentials = "false")
	@GetMapping(path = "/api/v1/tiers", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, List<Map<String, String>>>> tiers() {
		List<Map<String, String>> tiers = this.catalog.allTiers()
			.stream()
			.map((tier) -> Map.of("slug", tier.slug(), "name", tier.name()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(Map.of("tiers", tiers));
	}

}
