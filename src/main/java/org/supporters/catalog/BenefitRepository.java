package org.supporters.catalog;

import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.BENEFIT;

@Repository
class BenefitRepository {

	private final DSLContext db;

	BenefitRepository(DSLContext db) {
		this.db = db;
	}

	List<Benefit> findAll() {
		return this.db.selectFrom(BENEFIT)
			.orderBy(BENEFIT.LABEL, BENEFIT.SLUG)
			.fetch((row) -> new Benefit(row.getSlug(), row.getLabel(), row.getDescription()));
	}

	List<Benefit> find(Collection<String> slugs) {
		return this.db.selectFrom(BENEFIT)
			.where(BENEFIT.SLUG.in(slugs))
			.fetch((row) -> new Benefit(row.getSlug(), row.getLabel(), row.getDescription()));
	}

	/** Adds an entry for a slug a tier names, unless there is one. */
	void addIfMissing(Benefit benefit) {
		this.db.insertInto(BENEFIT)
			.set(BENEFIT.SLUG, benefit.slug())
			.set(BENEFIT.LABEL, benefit.label())
			.set(BENEFIT.DESCRIPTION, benefit.description())
			.onConflict(BENEFIT.SLUG)
			.doNothing()
			.execute();
	}

	void save(Benefit benefit) {
		this.db.insertInto(BENEFIT)
			.set(BENEFIT.SLUG, benefit.slug())
			.set(BENEFIT.LABEL, benefit.label())
			.set(BENEFIT.DESCRIPTION, benefit.description())
			.onConflict(BENEFIT.SLUG)
			.doUpdate()
			.set(BENEFIT.LABEL, benefit.label())
			.set(BENEFIT.DESCRIPTION, benefit.description())
			.execute();
	}

}
