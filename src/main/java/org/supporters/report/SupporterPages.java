package org.supporters.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.catalog.Tier;
import org.supporters.membership.MembershipService;
import org.supporters.staff.AuditLog;
import org.supporters.supporter.Provider;
import org.supporters.supporter.Supporters;

/** The supporter list, the supporter page and their exports. */
@Service
class SupporterPages {

	static final int PAGE_SIZE = 50;

	private static final int DETAIL_PAYMENTS = 500;

	private static final int DETAIL_EVENTS = 200;

	private final SupporterRepository supporters;

	private final Supporters ledger;

	private final MembershipService memberships;

	private final TierList tiers;

	private final AuditLog audit;

	private final TransactionTemplate readOnly;

	/** Now, for the filter of current supporters and the pledge each row shows. */
	private final Clock clock;

	SupporterPages(SupporterRepository supporters, Supporters ledger, MembershipService memberships, TierList tiers,
			AuditLog audit, TransactionTemplate transaction, Clock clock) {
		this.supporters = supporters;
		this.ledger = ledger;
		this.memberships = memberships;
		this.tiers = tiers;
		this.audit = audit;
		this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	/** The tiers offered now, for the filter's choices. */
	List<Tier> tiers() {
		return this.tiers.active();
	}

	/** A retired tier's slug is a valid filter too: its pledges go on. */
	Map<String, String> errors(SupporterFilter filter) {
		return filter.errors((slug) -> this.tiers.bySlug(slug).isPresent());
	}

	/** A page of at most {@link #PAGE_SIZE} rows, and the cursor of the next one. */
	@Transactional(readOnly = true)
	Page page(SupporterFilter filter) {
		List<SupporterRow> rows = this.supporters.page(filter, tierId(filter), this.clock.instant(), PAGE_SIZE + 1);
		if (rows.size() <= PAGE_SIZE) {
			return new Page(rows, null);
		}
		List<SupporterRow> shown = rows.subList(0, PAGE_SIZE);
		SupporterRow last = shown.get(PAGE_SIZE - 1);
		return new Page(shown, SupporterFilter.cursorOf(SupporterRepository.sortValue(filter, last), last.id()));
	}

	/**
	 * Streams every supporter the filter finds in one read-only transaction, after
	 * recording in the audit log who exported what.
	 */
	void export(SupporterFilter filter, Consumer<SupporterRow> each) {
		this.audit.record("export.supporters", null, filterDetails(filter));
		Long tierId = tierId(filter);
		Instant now = this.clock.instant();
		this.readOnly.executeWithoutResult((status) -> this.supporters.stream(filter, tierId, now, each));
	}

	/**
	 * Streams the payments of these days (either end open when null), after recording the
	 * export in the audit log.
	 */
	void exportPayments(LocalDate first, LocalDate last, Consumer<PaymentRow> each) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", (first != null) ? first.toString() : "");
		details.put("to", (last != null) ? last.toString() : "");
		this.audit.record("export.payments", null, details);
		Instant from = (first != null) ? first.atStartOfDay().toInstant(ZoneOffset.UTC) : null;
		Instant until = (last != null) ? last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
		this.readOnly.executeWithoutResult((status) -> this.supporters.streamPayments(from, until, each));
	}

	@Transactional(readOnly = true)
	Optional<SupporterDetail> detail(UUID id) {
		return this.ledger.supporter(id).map((found) -> {
			SupporterDetail.Supporter supporter = new SupporterDetail.Supporter(found.id(), found.email(), found.name(),
					found.joined(), found.erasedAt());
			List<SupporterDetail.PledgeLine> pledges = this.ledger.pledges(id)
				.stream()
				.map((pledge) -> new SupporterDetail.PledgeLine(pledge.id(), pledge.kind(), tierName(pledge.tierId()),
						pledge.interval(), pledge.amount(), pledge.status(), pledge.provider(), pledge.providerRef(),
						pledge.createdAt(), pledge.currentPeriodEnd(), pledge.cancelAtPeriodEnd(), pledge.endedAt(),
						pledge.endedReason()))
				.toList();
			List<SupporterDetail.PaymentLine> payments = this.ledger.payments(id)
				.stream()
				.limit(DETAIL_PAYMENTS)
				.map((payment) -> new SupporterDetail.PaymentLine(payment.occurredAt(), payment.amount(),
						payment.status(), (payment.refunded().minor() > 0) ? payment.refunded() : null,
						payment.failureReason(), payment.provider(), payment.providerRef()))
				.toList();
			List<SupporterDetail.PaymentLine> refunds = payments.stream()
				.filter((payment) -> payment.refunded() != null)
				.toList();
			List<SupporterDetail.EventLine> events = new ArrayList<>();
			pledges.stream().map(SupporterDetail.PledgeLine::provider).distinct().forEach((provider) -> {
				List<String> refs = Stream
					.concat(pledges.stream()
						.filter((pledge) -> pledge.provider() == provider)
						.map(SupporterDetail.PledgeLine::providerRef),
							payments.stream()
								.filter((payment) -> payment.provider() == provider)
								.map(SupporterDetail.PaymentLine::providerRef))
					.distinct()
					.toList();
				events.addAll(this.supporters.events(provider.code(), refs, DETAIL_EVENTS));
			});
			events.sort(Comparator.comparing(SupporterDetail.EventLine::receivedAt));
			List<SupporterDetail.CompLine> comps = this.memberships.comps(id)
				.stream()
				.map((comp) -> new SupporterDetail.CompLine(comp.id(), tierName(comp.tierId()), comp.validUntil(),
						comp.reason(), comp.grantedAt(), comp.revokedAt()))
				.toList();
			return new SupporterDetail(supporter, this.memberships.membershipOf(id), pledges, payments, refunds, events,
					comps, providerLinks(supporter, pledges), this.supporters.cancellations(id));
		});
	}

	private String tierName(Long tierId) {
		return (tierId != null) ? this.tiers.byId(tierId).map(Tier::name).orElse(null) : null;
	}

	private static List<SupporterDetail.ProviderLink> providerLinks(SupporterDetail.Supporter supporter,
			List<SupporterDetail.PledgeLine> pledges) {
		List<SupporterDetail.ProviderLink> links = new ArrayList<>();
		if (pledges.stream().anyMatch((pledge) -> pledge.provider() == Provider.STRIPE)) {
			links.add(new SupporterDetail.ProviderLink("Find the customer in Stripe",
					"https://dashboard.stripe.com/search?query="
							+ URLEncoder.encode(supporter.email(), StandardCharsets.UTF_8)));
			pledges.stream()
				.filter((pledge) -> pledge.provider() == Provider.STRIPE && pledge.providerRef().startsWith("sub_"))
				.forEach((pledge) -> links
					.add(new SupporterDetail.ProviderLink("Subscription " + pledge.providerRef() + " in Stripe",
							"https://dashboard.stripe.com/subscriptions/"
									+ URLEncoder.encode(pledge.providerRef(), StandardCharsets.UTF_8))));
		}
		return links;
	}

	private static Map<String, Object> filterDetails(SupporterFilter filter) {
		Map<String, Object> details = new LinkedHashMap<>();
		put(details, "q", filter.q());
		put(details, "status", filter.status());
		put(details, "tier", filter.tier());
		put(details, "interval", filter.interval());
		put(details, "provider", filter.provider());
		put(details, "joinedFrom", filter.joinedFrom());
		put(details, "joinedTo", filter.joinedTo());
		return details;
	}

	private static void put(Map<String, Object> details, String key, String value) {
		if (value != null) {
			details.put(key, value);
		}
	}

	private Long tierId(SupporterFilter filter) {
		return (filter.tier() != null) ? this.tiers.bySlug(filter.tier()).map(Tier::id).orElse(null) : null;
	}

	record Page(List<SupporterRow> rows, String nextCursor) {
	}

}
