package org.supporters.report;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.platform.DatabaseNotices;

/**
 * The tiers the staff pages name and filter by, kept per instance rather than read on
 * every page. A change of a tier or its prices is announced by a trigger
 * ({@code NOTIFY catalog_changed}, V22) and every instance forgets the list at once
 * ({@link DatabaseNotices}); while notices may be missed, nothing is kept.
 */
@Component
class TierList {

	private final Catalog catalog;

	private final DatabaseNotices notices;

	private volatile List<Tier> all;

	/** Counts changes heard, so a list read while one happened is not kept. */
	private final AtomicLong changes = new AtomicLong();

	TierList(Catalog catalog, DatabaseNotices notices) {
		this.catalog = catalog;
		this.notices = notices;
		notices.listen("catalog_changed", (payload) -> forget());
	}

	/** The tiers offered now, in display order. */
	List<Tier> active() {
		return all().stream().filter(Tier::active).toList();
	}

	/** A tier by its slug, offered or retired. */
	Optional<Tier> bySlug(String slug) {
		return all().stream().filter((tier) -> tier.slug().equals(slug)).findFirst();
	}

	/** A tier by its id, offered or retired. */
	Optional<Tier> byId(long id) {
		return all().stream().filter((tier) -> tier.id() == id).findFirst();
	}

	private List<Tier> all() {
		List<Tier> kept = this.all;
		if (kept != null) {
			return kept;
		}
		long changesBefore = this.changes.get();
		List<Tier> loaded = List.copyOf(this.catalog.allTiers());
		if (this.notices.listening() && this.changes.get() == changesBefore) {
			this.all = loaded;
		}
		return loaded;
	}

	private void forget() {
		this.changes.incrementAndGet();
		this.all = null;
	}

}
