package org.supporters.account;

import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.platform.Languages;
import org.supporters.platform.ReaderFormat;
import org.supporters.supporter.Pledge;

/**
 * The account pages' words for what the ledger and membership keep as codes, from the
 * bundles ({@code account.*}) in the language of the request being served.
 */
@Component
class AccountText {

	private final MessageSourceAccessor messages;

	AccountText(MessageSource messages) {
		this.messages = new MessageSourceAccessor(messages);
	}

	String say(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Languages.current());
	}

	String date(Instant instant) {
		return ReaderFormat.date(instant, Languages.current());
	}

	/** A date in the same year as now without the year ("16 January"), else with it. */
	String shortDate(Instant instant, Instant now) {
		return ReaderFormat.shortDate(instant, now, Languages.current());
	}

	String per(BillingInterval interval) {
		return say("account.per." + interval.name());
	}

	/** E.g. "€10.00 a month, Supporter tier", or "€25.00 once". */
	String terms(Pledge pledge, Catalog catalog) {
		if (!pledge.recurring()) {
			return say("account.terms.once", pledge.amount().formatted());
		}
		String tier = (pledge.tierId() != null) ? catalog.tier(pledge.tierId()).map(Tier::name).orElse(null) : null;
		return (tier != null) ? say("account.terms.tier", pledge.amount().formatted(), per(pledge.interval()), tier)
				: say("account.terms", pledge.amount().formatted(), per(pledge.interval()));
	}

}
