package org.supporters.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.lifecycle.MailTemplates.Rendered;
import org.supporters.membership.CurrentSupporters;
import org.supporters.membership.EndingComp;
import org.supporters.membership.Membership;
import org.supporters.membership.MembershipService;
import org.supporters.platform.Mail;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.PledgeCanceled;
import org.supporters.supporter.PledgeEnded;
import org.supporters.supporter.PledgeRecovered;
import org.supporters.supporter.PledgeRenewed;
import org.supporters.supporter.PledgeStarted;
import org.supporters.supporter.RenewalFailed;
import org.supporters.supporter.RenewalRetryFailed;
import org.supporters.supporter.Supporter;
import org.supporters.supporter.Supporters;

/**
 * Writes the mail each of the ledger's events calls for to the outbox, in the event's own
 * transaction: a mail is sent when, and only when, what it tells of is stored. Each mail
 * has a key (the event and kind of mail, e.g. the pledge and the period a receipt is for)
 * that is written once, so an event repeated, late or out of order sends nothing twice.
 * An erased reader is sent nothing.
 */
@Component
class LifecycleMails {

	/** A failed payment is told again on a failed retry, but not more often than this. */
	static final Duration PAYMENT_FAILED_REPEAT = Duration.ofDays(3);

	private final LifecycleRepository repository;

	private final Supporters supporters;

	private final MembershipService memberships;

	private final CurrentSupporters current;

	private final Catalog catalog;

	private final Mail mail;

	private final MailTemplates templates;

	private final Letters letters;

	private final ReaderLocales locales;

	private final CardLinks cardLinks;

	private final LifecycleProperties properties;

	private final Clock clock;

	LifecycleMails(LifecycleRepository repository, Supporters supporters, MembershipService memberships,
			CurrentSupporters current, Catalog catalog, Mail mail, MailTemplates templates, Letters letters,
			ReaderLocales locales, CardLinks cardLinks, LifecycleProperties properties, Clock clock) {
		this.repository = repository;
		this.supporters = supporters;
		this.memberships = memberships;
		this.current = current;
		this.catalog = catalog;
		this.mail = mail;
		this.templates = templates;
		this.letters = letters;
		this.locales = locales;
		this.cardLinks = cardLinks;
		this.properties = properties;
		this.clock = clock;
	}

	/** The welcome and receipt of the first payment. */
	@EventListener
	void on(PledgeStarted started) {
		pledge(started.pledgeId()).filter((pledge) -> pledge.endedAt() == null).ifPresent((pledge) -> {
			Instant contributorUntil = pledge.recurring() ? null : this.current.contributorUntil(pledge.createdAt());
			write("welcome:" + pledge.id(), MailKind.WELCOME, pledge.supporterId(), pledge.id(), started.at(),
					(locale) -> this.letters.welcome(locale, support(pledge), pledge.createdAt(),
							pledge.recurring() ? pledge.currentPeriodEnd() : null, contributorUntil));
		});
	}

	@EventListener
	void on(PledgeRenewed renewed) {
		if (!this.properties.renewalReceipts()) {
			return;
		}
		pledge(renewed.pledgeId()).ifPresent((pledge) -> write(key("renewal_receipt", pledge, renewed.paidThrough()),
				MailKind.RENEWAL_RECEIPT, pledge.supporterId(), pledge.id(), renewed.at(),
				(locale) -> this.letters.renewalReceipt(locale, support(pledge), renewed.at(), renewed.paidThrough())));
	}

	@EventListener
	void on(RenewalFailed failed) {
		pledge(failed.pledgeId())
			.ifPresent((pledge) -> paymentFailed(key("payment_failed", pledge, pledge.currentPeriodEnd()), pledge,
					failed.at()));
	}

	/** A retry failed too: told again, unless the last such mail is under 3 days old. */
	@EventListener
	void on(RenewalRetryFailed failed) {
		pledge(failed.pledgeId()).ifPresent((pledge) -> {
			Optional<Instant> told = this.repository.latestOccurrence(pledge.id(), MailKind.PAYMENT_FAILED);
			if (told.isPresent() && told.get().plus(PAYMENT_FAILED_REPEAT).isAfter(failed.at())) {
				return;
			}
			paymentFailed(key("payment_failed", pledge, failed.nextRetryAt()) + ":retry", pledge, failed.at());
		});
	}

	private void paymentFailed(String key, Pledge pledge, Instant failedAt) {
		Membership membership = this.memberships.membershipOf(pledge.supporterId());
		Instant accessUntil = membership.member() ? membership.validUntil() : null;
		write(key, MailKind.PAYMENT_FAILED, pledge.supporterId(), pledge.id(), failedAt,
				(locale) -> this.letters.paymentFailed(locale, support(pledge), failedAt, accessUntil,
						pledge.nextRetryAt(), this.cardLinks.linkFor(pledge.supporterId())));
	}

	@EventListener
	void on(PledgeRecovered recovered) {
		pledge(recovered.pledgeId()).ifPresent((pledge) -> write(key("recovered", pledge, pledge.currentPeriodEnd()),
				MailKind.RECOVERED, pledge.supporterId(), pledge.id(), recovered.at(),
				(locale) -> this.letters.recovered(locale, support(pledge), recovered.at(),
						pledge.stillCharging() ? pledge.currentPeriodEnd() : null)));
	}

	@EventListener
	void on(PledgeCanceled canceled) {
		pledge(canceled.pledgeId()).ifPresent((pledge) -> write(key("canceled", pledge, canceled.endsAt()),
				MailKind.CANCELED, pledge.supporterId(), pledge.id(), canceled.at(),
				(locale) -> this.letters.canceled(locale, support(pledge), canceled.endsAt())));
	}

	@EventListener
	void on(PledgeEnded ended) {
		write("ended:" + ended.pledgeId(), MailKind.ENDED, ended.supporterId(), ended.pledgeId(), ended.at(),
				(locale) -> this.letters.ended(locale, ended.reason()));
	}

	/** The notice of a yearly renewal ahead; the caller holds a transaction. */
	void renewalNotice(Pledge pledge) {
		write(key("renewal_notice", pledge, pledge.currentPeriodEnd()), MailKind.RENEWAL_NOTICE, pledge.supporterId(),
				pledge.id(), this.clock.instant(),
				(locale) -> this.letters.renewalNotice(locale, support(pledge), pledge.currentPeriodEnd()));
	}

	/**
	 * A contribution's benefits end soon: told only when nothing else keeps the reader a
	 * member once they have (a reader who since gives monthly needs no invitation to).
	 */
	void contributorEnding(Pledge pledge) {
		Instant endsOn = this.current.contributorUntil(pledge.createdAt());
		if (this.memberships.membershipAt(pledge.supporterId(), endsOn).member()) {
			return;
		}
		write("contributor_ending:" + pledge.id(), MailKind.CONTRIBUTOR_ENDING, pledge.supporterId(), pledge.id(),
				this.clock.instant(), (locale) -> this.letters.contributorEnding(locale, support(pledge), endsOn));
	}

	/**
	 * A comp ends soon: told only when nothing else keeps the reader a member after it.
	 */
	void compEnding(EndingComp ending) {
		if (this.memberships.membershipAt(ending.supporterId(), ending.comp().validUntil()).member()) {
			return;
		}
		Optional<Tier> tier = this.catalog.tier(ending.comp().tierId());
		if (tier.isEmpty()) {
			return;
		}
		write("comp_ending:" + ending.comp().id(), MailKind.COMP_ENDING, ending.supporterId(), null,
				this.clock.instant(), (locale) -> this.letters.compEnding(locale, tier.get().name(),
						tier.get().benefits(), ending.comp().validUntil()));
	}

	private void write(String key, MailKind kind, UUID supporterId, UUID pledgeId, Instant occurredAt,
			Function<Locale, MailContent> letter) {
		Optional<Supporter> supporter = this.supporters.supporter(supporterId)
			.filter((reader) -> reader.erasedAt() == null);
		if (supporter.isEmpty()) {
			return;
		}
		Optional<Long> claimed = this.repository.claim(key, kind, supporterId, pledgeId, occurredAt,
				this.clock.instant());
		if (claimed.isEmpty()) {
			return;
		}
		String email = supporter.get().email();
		Locale locale = this.locales.mailLocale(email);
		MailContent content = letter.apply(locale);
		Rendered rendered = this.templates.render(content, locale);
		long outboxId = this.mail.send(email, content.subject(), rendered.text(), rendered.html());
		this.repository.recordOutbox(claimed.get(), outboxId);
	}

	private Optional<Pledge> pledge(UUID pledgeId) {
		return this.supporters.pledge(pledgeId);
	}

	private Support support(Pledge pledge) {
		Optional<Tier> tier = (pledge.tierId() != null) ? this.catalog.tier(pledge.tierId()) : Optional.empty();
		List<String> benefits = tier.map(Tier::benefits)
			.orElseGet(() -> this.memberships.membershipOf(pledge.supporterId()).benefits());
		return new Support(pledge.amount(), pledge.interval(), tier.map(Tier::name).orElse(null), benefits);
	}

	private static String key(String kind, Pledge pledge, Instant at) {
		return kind + ":" + pledge.id() + ":" + ((at != null) ? at.getEpochSecond() : "none");
	}

}
