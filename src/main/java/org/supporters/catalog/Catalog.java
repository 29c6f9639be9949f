package org.supporters.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What other modules ask of the catalog: the tiers on offer, and the currency they are
 * sold in.
 */
@Service
public class Catalog {

	private final TierRepository tiers;

	private final CatalogProperties properties;

	Catalog(TierRepository tiers, CatalogProperties properties) {
		this.tiers = tiers;
		this.properties = properties;
	}

	/** Tiers a reader can choose now, in display order. */
	public List<Tier> activeTiers() {
		return this.tiers.findActive();
	}

	/** A tier by slug, retired or not (existing pledges keep their tier). */
	public Optional<Tier> tier(String slug) {
		return this.tiers.findBySlug(slug);
	}

	public Optional<Tier> tier(long id) {
		return this.tiers.findById(id);
	}

	public String currency() {
		return this.properties.currency();
	}

}
