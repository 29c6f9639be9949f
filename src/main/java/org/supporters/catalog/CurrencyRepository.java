package org.supporters.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.CATALOG_CURRENCY;

/** The currencies admins listed, and whether each is offered to readers. */
@Repository
class CurrencyRepository {

	private final DSLContext db;

	CurrencyRepository(DSLContext db) {
		this.db = db;
	}

	/** Code to offered, by code. */
	Map<String, Boolean> findAll() {
		Map<String, Boolean> currencies = new LinkedHashMap<>();
		this.db.selectFrom(CATALOG_CURRENCY)
			.orderBy(CATALOG_CURRENCY.CURRENCY)
			.forEach((row) -> currencies.put(row.getCurrency(), row.getOffered()));
		return currencies;
	}

	boolean offered(String currency) {
		return this.db.fetchExists(CATALOG_CURRENCY,
				CATALOG_CURRENCY.CURRENCY.eq(currency).and(CATALOG_CURRENCY.OFFERED));
	}

	/** Lists a currency (not offered yet); false when it was already listed. */
	boolean insert(String currency, Instant now) {
		return this.db.insertInto(CATALOG_CURRENCY)
			.set(CATALOG_CURRENCY.CURRENCY, currency)
			.set(CATALOG_CURRENCY.CHANGED_AT, now)
			.onConflictDoNothing()
			.execute() == 1;
	}

	void setOffered(String currency, boolean offered, Instant now) {
		this.db.insertInto(CATALOG_CURRENCY)
			.set(CATALOG_CURRENCY.CURRENCY, currency)
			.set(CATALOG_CURRENCY.OFFERED, offered)
			.set(CATALOG_CURRENCY.CHANGED_AT, now)
			.onConflict(CATALOG_CURRENCY.CURRENCY)
			.doUpdate()
			.set(CATALOG_CURRENCY.OFFERED, offered)
			.set(CATALOG_CURRENCY.CHANGED_AT, now)
			.execute();
	}

}
