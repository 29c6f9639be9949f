package org.supporters.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.supporters.catalog.Benefit;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.lifecycle.MailContent.Fact;
import org.supporters.lifecycle.MailContent.Link;
import org.supporters.platform.Publication;
import org.supporters.platform.ReaderFormat;
import org.supporters.platform.SupportersProperties;
import org.supporters.supporter.EndedReason;

/**
 * The words of each lifecycle mail, from the message bundles ({@code mail.*}) in the
 * reader's locale: amounts exactly from minor units in their currency, dates in UTC as
 * the reader's language writes them.
 */
@Component
class Letters {

	private final MessageSource messages;

	private final Publication publication;

	private final Catalog catalog;

	private final String supportUrl;

	Letters(MessageSource messages, Publication publication, Catalog catalog, SupportersProperties properties) {
		this.messages = messages;
		this.publication = publication;
		this.catalog = catalog;
		this.supportUrl = properties.publicUri() + "/support";
	}

	MailContent welcome(Locale locale, Support support, Instant paidOn, Instant nextPayment, Instant contributorUntil) {
		Words words = new Words(locale);
		List<String> lead = new ArrayList<>();
		lead.add(words.say("mail.welcome.intro", words.publication(), words.money(support.amount()),
				words.date(paidOn)));
		if (support.interval() != null && nextPayment != null) {
			lead.add(words.say("mail.welcome.recurring", words.interval(support), words.money(support.amount()),
					words.date(nextPayment)));
		}
		if (contributorUntil != null) {
			lead.add(words.say("mail.welcome.contributor", words.date(contributorUntil)));
		}
		List<Fact> facts = new ArrayList<>(words.supportFacts(support));
		facts.add(new Fact(words.say("mail.fact.paid-on"), words.date(paidOn)));
		if (support.interval() != null && nextPayment != null) {
			facts.add(new Fact(words.say("mail.fact.next-payment"), words.date(nextPayment)));
		}
		return new MailContent(words.say("mail.welcome.subject", words.publication()), lead, facts, null,
				List.of(words.say("mail.welcome.cancel"), words.say("mail.signature", words.publication())));
	}

	MailContent renewalReceipt(Locale locale, Support support, Instant paidOn, Instant nextPayment) {
		Words words = new Words(locale);
		List<Fact> facts = new ArrayList<>(words.supportFacts(support));
		facts.add(new Fact(words.say("mail.fact.paid-on"), words.date(paidOn)));
		facts.add(new Fact(words.say("mail.fact.next-payment"), words.date(nextPayment)));
		return new MailContent(words.say("mail.renewal_receipt.subject", words.publication()), List.of(words
			.say("mail.renewal_receipt.intro", words.publication(), words.money(support.amount()), words.date(paidOn))),
				facts, null, List.of(words.say("mail.signature", words.publication())));
	}

	MailContent paymentFailed(Locale locale, Support support, Instant failedOn, Instant accessUntil, Instant nextRetry,
			String cardUrl) {
		Words words = new Words(locale);
		List<String> lead = new ArrayList<>();
		lead.add(words.say("mail.payment_failed.intro", words.interval(support), words.money(support.amount()),
				words.date(failedOn)));
		if (accessUntil != null) {
			lead.add(words.say("mail.payment_failed.access", words.date(accessUntil)));
		}
		if (nextRetry != null) {
			lead.add(words.say("mail.payment_failed.retry", words.date(nextRetry)));
		}
		List<Fact> facts = new ArrayList<>(words.supportFacts(support));
		if (accessUntil != null) {
			facts.add(new Fact(words.say("mail.fact.access-until"), words.date(accessUntil)));
		}
		return new MailContent(words.say("mail.payment_failed.subject", words.publication()), lead, facts,
				new Link(words.say("mail.payment_failed.action"), cardUrl),
				List.of(words.say("mail.payment_failed.link"), words.say("mail.signature", words.publication())));
	}

	MailContent recovered(Locale locale, Support support, Instant paidOn, Instant nextPayment) {
		Words words = new Words(locale);
		List<Fact> facts = new ArrayList<>(words.supportFacts(support));
		facts.add(new Fact(words.say("mail.fact.paid-on"), words.date(paidOn)));
		if (nextPayment != null) {
			facts.add(new Fact(words.say("mail.fact.next-payment"), words.date(nextPayment)));
		}
		return new MailContent(
				words.say("mail.recovered.subject", words.publication()), List.of(words.say("mail.recovered.intro",
						words.publication(), words.money(support.amount()), words.date(paidOn))),
				facts, null, List.of(words.say("mail.signature", words.publication())));
	}

	MailContent renewalNotice(Locale locale, Support support, Instant chargesOn) {
		Words words = new Words(locale);
		List<Fact> facts = new ArrayList<>(words.supportFacts(support));
		facts.add(new Fact(words.say("mail.fact.renews-on"), words.date(chargesOn)));
		return new MailContent(words.say("mail.renewal_notice.subject", words.publication(), words.date(chargesOn)),
				List.of(words.say("mail.renewal_notice.intro", words.publication(), words.date(chargesOn),
						words.money(support.amount()))),
				facts, null, List.of(words.say("mail.renewal_notice.change")));
	}

	MailContent canceled(Locale locale, Support support, Instant endsAt) {
		Words words = new Words(locale);
		List<String> lead = new ArrayList<>();
		lead.add(words.say("mail.canceled.intro", words.interval(support), words.money(support.amount())));
		List<String> closing = new ArrayList<>();
		List<Fact> facts = new ArrayList<>(words.supportFacts(support));
		if (endsAt != null) {
			lead.add(words.say("mail.canceled.access", words.date(endsAt)));
			closing.add(words.say("mail.canceled.resume", words.date(endsAt)));
			facts.add(new Fact(words.say("mail.fact.access-until"), words.date(endsAt)));
		}
		closing.add(words.say("mail.signature", words.publication()));
		return new MailContent(words.say("mail.canceled.subject", words.publication()), lead, facts, null, closing);
	}

	MailContent ended(Locale locale, EndedReason reason) {
		Words words = new Words(locale);
		return new MailContent(words.say("mail.ended.subject", words.publication()),
				List.of(words.say("mail.ended.intro." + reason.name(), words.publication()),
						words.say("mail.ended.again")),
				List.of(), new Link(words.say("mail.support-again", words.publication()), this.supportUrl),
				List.of(words.say("mail.signature", words.publication())));
	}

	MailContent contributorEnding(Locale locale, Support support, Instant endsOn) {
		Words words = new Words(locale);
		return new MailContent(words.say("mail.contributor_ending.subject", words.date(endsOn)),
				List.of(words.say("mail.contributor_ending.intro", words.publication(), words.money(support.amount()),
						words.date(endsOn)), words.say("mail.contributor_ending.monthly")),
				List.of(new Fact(words.say("mail.fact.ends-on"), words.date(endsOn))),
				new Link(words.say("mail.contributor_ending.action"), this.supportUrl),
				List.of(words.say("mail.signature", words.publication())));
	}

	MailContent compEnding(Locale locale, String tierName, List<String> benefits, Instant endsOn) {
		Words words = new Words(locale);
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact(words.say("mail.fact.membership"), tierName));
		if (!benefits.isEmpty()) {
			facts.add(new Fact(words.say("mail.fact.benefits"), words.benefits(benefits)));
		}
		facts.add(new Fact(words.say("mail.fact.ends-on"), words.date(endsOn)));
		return new MailContent(words.say("mail.comp_ending.subject", tierName, words.date(endsOn)),
				List.of(words.say("mail.comp_ending.intro", tierName, words.publication(), words.date(endsOn)),
						words.say("mail.comp_ending.support")),
				facts, new Link(words.say("mail.comp_ending.action"), this.supportUrl),
				List.of(words.say("mail.signature", words.publication())));
	}

	/** Words in one locale. */
	private final class Words {

		private final Locale locale;

		Words(Locale locale) {
			this.locale = locale;
		}

		String say(String key, Object... arguments) {
			return Letters.this.messages.getMessage(key, arguments, this.locale);
		}

		String publication() {
			return Letters.this.publication.name();
		}

		/** Exactly the minor units, in the currency's own number of decimals. */
		String money(Money money) {
			return money.formatted(this.locale);
		}

		String date(Instant instant) {
			return ReaderFormat.date(instant, this.locale);
		}

		String interval(Support support) {
			return say("mail.interval." + ((support.interval() != null) ? support.interval().name() : "ONE_OFF"));
		}

		/** The benefits' labels from the catalog. */
		String benefits(List<String> slugs) {
			return String.join(", ", Letters.this.catalog.benefits(slugs).stream().map(Benefit::label).toList());
		}

		List<Fact> supportFacts(Support support) {
			List<Fact> facts = new ArrayList<>();
			String amount = money(support.amount());
			facts.add(new Fact(say("mail.fact.amount"), amount + " (" + interval(support) + ")"));
			facts.add(new Fact(say("mail.fact.membership"), (support.tierName() != null) ? support.tierName()
					: say((support.interval() != null) ? "mail.tier.own-amount" : "mail.tier.contribution")));
			if (!support.benefits().isEmpty()) {
				facts.add(new Fact(say("mail.fact.benefits"), benefits(support.benefits())));
			}
			return facts;
		}

	}

}
