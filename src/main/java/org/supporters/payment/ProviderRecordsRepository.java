package org.supporters.payment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.PROVIDER_EVENT;
import static org.jooq.generated.Tables.SANDBOX_SESSION;
import static org.jooq.generated.Tables.STRIPE_CUSTOMER;
import static org.jooq.impl.DSL.cast;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.position;
import static org.jooq.impl.DSL.regexpReplaceAll;
import static org.jooq.impl.DSL.val;

@Repository
class ProviderRecordsRepository {

	private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}-]");

	private final DSLContext db;

	ProviderRecordsRepository(DSLContext db) {
		this.db = db;
	}

	/**
	 * Replaces the email, in any letter case, in every stored event that mentions it, and
	 * the name where such an event carries it as a {@code "name"} value.
	 */
	void eraseFromEvents(String email, String name, String replacementEmail) {
		Field<String> text = cast(PROVIDER_EVENT.PAYLOAD, String.class);
		Field<String> scrubbed = regexpReplaceAll(text, val("(?i)" + literal(email)), val(replacementEmail));
		if (name != null && !name.isBlank()) {
			scrubbed = regexpReplaceAll(scrubbed, val("\"name\": ?\"" + literal(name) + "\""),
					inline("\"name\": null"));
		}
		this.db.update(PROVIDER_EVENT)
			.set(PROVIDER_EVENT.PAYLOAD, cast(scrubbed, JSONB.class))
			.where(position(lower(text), lower(val(email))).gt(0))
			.execute();
	}

	void eraseFromSandbox(String email, String replacementEmail) {
		this.db.update(SANDBOX_SESSION)
			.set(SANDBOX_SESSION.EMAIL, replacementEmail)
			.setNull(SANDBOX_SESSION.NAME)
			.where(lower(SANDBOX_SESSION.EMAIL).eq(lower(email)))
			.execute();
	}

	void eraseFromStripeCustomers(String email, String replacementEmail) {
		this.db.update(STRIPE_CUSTOMER)
			.set(STRIPE_CUSTOMER.EMAIL, replacementEmail)
			.where(lower(STRIPE_CUSTOMER.EMAIL).eq(lower(email)))
			.execute();
	}

	/** A regular expression matching the text literally. */
	private static String literal(String text) {
		return REGEX_SPECIAL.matcher(text).replaceAll((match) -> Matcher.quoteReplacement("\\" + match.group()));
	}

}
