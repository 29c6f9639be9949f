package org.supporters.account;

import java.util.UUID;

import org.jooq.DSLContext;

import static org.jooq.generated.Tables.PLEDGE;

/**
 * A planted violation, for the table-ownership rule to find: account reading the ledger's
 * pledges instead of asking its API. It lives in the tests only.
 */
public class ReadsAnotherModulesTable {

	int pledgesOf(DSLContext db, UUID supporterId) {
		return db.fetchCount(PLEDGE, PLEDGE.SUPPORTER_ID.eq(supporterId));
	}

}
