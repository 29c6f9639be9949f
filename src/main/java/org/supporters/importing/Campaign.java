package org.supporters.importing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.importing.ImportRepository.Invitation;
import org.supporters.importing.ImportRepository.Recipient;
import org.supporters.membership.MembershipService;
import org.supporters.platform.Languages;
import org.supporters.platform.ReaderFormat;
import org.supporters.platform.Mail;
import org.supporters.platform.ReaderErased;
import org.supporters.platform.ScheduledJob;
import org.supporters.platform.SupportersProperties;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStarted;
import org.supporters.supporter.SupporterSource;
import org.supporters.supporter.Supporters;

/**
 * The invitation campaign: a personal mail to each imported patron with a link to the
 * pre-filled support page, reminders before their comp ends, a last mail when it has
 * ended. A patron who pledges leaves the campaign and their comp makes way; one who
 * unsubscribes is never mailed by it again. Each mail is recorded with the outbox's mail
 * in one transaction, at most once per patron and kind, whichever instance sends it.
 */
@Component
class Campaign {

	private static final Logger log = LoggerFactory.getLogger(Campaign.class);

	private final ImportRepository repository;

	private final CampaignLinks links;

	private final Mail mail;

	private final MembershipService memberships;

	private final Supporters supporters;

	private final Catalog catalog;

	private final ImportProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final URI publicUri;

	private final MessageSource messages;

	Campaign(ImportRepository repository, CampaignLinks links, Mail mail, MembershipService memberships,
			Supporters supporters, Catalog catalog, ImportProperties properties, TransactionTemplate transaction,
			Clock clock, SupportersProperties site, MessageSource messages) {
		this.messages = messages;
		this.repository = repository;
		this.links = links;
		this.mail = mail;
		this.memberships = memberships;
		this.supporters = supporters;
		this.catalog = catalog;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
		this.publicUri = site.publicUri();
	}

	/** Sends every campaign mail due by now; returns how many went. */
	int sendDue() {
		Instant now = this.clock.instant();
		int longest = this.properties.reminderDays().stream().max(Integer::compare).orElse(0);
		Instant remindFrom = now.plus(Duration.ofDays(longest));
		int sent = 0;
		long after = 0;
		while (true) {
			List<Recipient> batch = this.repository.recipients(now, remindFrom, after, this.properties.campaignBatch());
			for (Recipient recipient : batch) {
				Boolean went = this.transaction.execute((status) -> send(recipient, now));
				if (Boolean.TRUE.equals(went)) {
					sent++;
				}
				after = recipient.patronId();
			}
			if (batch.size() < this.properties.campaignBatch()) {
				return sent;
			}
		}
	}

	private boolean send(Recipient recipient, Instant now) {
		if (recipient.invitedAt() == null) {
			return mail(recipient, CampaignMailKind.INVITATION, 0, now);
		}
		if (!recipient.paidThrough().isAfter(now)) {
			return !recipient.endedSent() && mail(recipient, CampaignMailKind.ENDED, 0, now);
		}
		// the nearest reminder due; one that came due while the invitation was newer, or
		// that a later one overtook, is not sent
		Optional<Integer> due = this.properties.reminderDays()
			.stream()
			.filter((days) -> !now.isBefore(recipient.paidThrough().minus(Duration.ofDays(days))))
			.filter((days) -> recipient.invitedAt().isBefore(recipient.paidThrough().minus(Duration.ofDays(days))))
			.min(Comparator.naturalOrder());
		return due.isPresent() && !recipient.remindersSent().contains(due.get())
				&& mail(recipient, CampaignMailKind.REMINDER, due.get(), now);
	}

	private boolean mail(Recipient recipient, CampaignMailKind kind, int days, Instant now) {
		// a patron's language is not known: the campaign speaks the service's default
		Locale locale = Languages.formatting(null);
		String from = (recipient.source() == SupporterSource.PATREON) ? "Patreon" : say("campaign.from.other", locale);
		String subject = say("campaign." + kind.name() + ".subject", locale, from, days);
		if (!this.repository.recordMail(recipient.patronId(), kind, days, subject, now)) {
			return false;
		}
		String greeting = (recipient.name() != null && !recipient.name().isBlank())
				? say("campaign.greeting.name", locale, recipient.name().strip()) : say("campaign.greeting", locale);
		// the last day paid for
		String until = ReaderFormat.date(recipient.paidThrough().minusNanos(1), locale);
		String pledge = link("/moving/" + this.links.token(recipient.patronId(), CampaignLinks.Purpose.OPEN));
		String stop = link("/moving/" + this.links.token(recipient.patronId(), CampaignLinks.Purpose.UNSUBSCRIBE)
				+ "/unsubscribe");
		String choice = choice(recipient.invitation(), locale);
		String body = say("campaign." + kind.name() + ".text", locale, greeting, from, until, choice, pledge, days);
		this.mail.send(recipient.email(), subject, body + say("campaign.footer", locale, stop));
		return true;
	}

	private String say(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private String choice(Invitation invitation, Locale locale) {
		Optional<Tier> tier = tierOf(invitation);
		if (tier.isPresent()) {
			return say("campaign.choice.tier", locale, tier.get().name());
		}
		if (ownAmount(invitation)) {
			return say("campaign.choice.amount", locale,
					Money.of(invitation.amountMinor(), invitation.currency()).formatted(locale));
		}
		return say("campaign.choice.any", locale);
	}

	/** Where the invitation's link goes: the support page, pre-filled. */
	String supportPage(Invitation invitation) {
		UriComponentsBuilder page = UriComponentsBuilder.fromPath("/support").queryParam("email", invitation.email());
		if (invitation.interval() != null) {
			page.queryParam("interval", BillingInterval.fromCode(invitation.interval()).adjective());
		}
		Optional<Tier> tier = tierOf(invitation);
		if (tier.isPresent()) {
			page.queryParam("tier", tier.get().slug());
		}
		else if (ownAmount(invitation)) {
			page.queryParam("amount",
					Money.of(invitation.amountMinor(), invitation.currency()).major().toPlainString());
		}
		// the page in the currency they paid in, when it is offered here
		if (invitation.currency() != null && !invitation.currency().equals(this.catalog.currency())
				&& this.catalog.offers(invitation.currency())) {
			page.queryParam("currency", invitation.currency());
		}
		return page.encode().build().toUriString();
	}

	private Optional<Tier> tierOf(Invitation invitation) {
		if (invitation.tierId() == null || !invitation.tierMapped()) {
			return Optional.empty();
		}
		return this.catalog.tier(invitation.tierId()).filter(Tier::active);
	}

	/** The page takes amounts in the currencies it offers only. */
	private boolean ownAmount(Invitation invitation) {
		return invitation.amountMinor() != null && invitation.amountMinor() > 0
				&& this.catalog.offers(invitation.currency());
	}

	private String link(String path) {
		return this.publicUri + path;
	}

	/**
	 * A patron pledged here (through the link or not): they leave the campaign, and their
	 * comp ends in the same transaction as the pledge starts, so there is neither a gap
	 * nor a time with both. A one-off contribution is not a membership: it changes
	 * nothing here.
	 */
	@EventListener
	void on(PledgeStarted started) {
		if (started.kind() != PledgeKind.RECURRING) {
			return;
		}
		this.repository.patronOfSupporter(started.supporterId())
			.filter((patron) -> !patron.pledged())
			.ifPresent((patron) -> {
				Pledge pledge = this.supporters.pledges(started.supporterId())
					.stream()
					.filter((candidate) -> candidate.id().equals(started.pledgeId()))
					.findFirst()
					.orElseThrow();
				this.repository.markPledged(patron.id(), pledge.amount().currency().getCurrencyCode(),
						Planner.monthly(pledge.amount().minor(), pledge.interval()), started.at());
				if (patron.compId() != null) {
					this.memberships.revokeComp(patron.compId(), null);
				}
				log.info("Imported patron {} pledged here: campaign over for them, comp ended", patron.id());
			});
	}

	@EventListener
	void on(ReaderErased erased) {
		this.repository.erase(erased.supporterId(), erased.email(), erased.replacementEmail(), erased.at());
	}

	/** One instance at a time sends the campaign's mails. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		ScheduledJob importCampaignJob(Campaign campaign, ImportProperties properties) {
			return ScheduledJob.alone("import-campaign", properties.campaignInterval(), campaign::sendDue)
				.firstRunAfter(properties.campaignInterval());
		}

	}

}
