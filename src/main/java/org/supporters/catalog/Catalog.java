package org.supporters.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.TierRepository.NewPrice;
import org.supporters.catalog.TierRepository.NewTier;
import org.supporters.staff.AuditLog;

/**
 * What other modules ask of the catalog: the tiers on offer, and the currencies they are
 * sold in.
 */
@Service
public class Catalog {

	private final TierRepository tiers;

	private final BenefitRepository benefits;

	private final CatalogProperties properties;

	private final AuditLog audit;

	private final CurrencyRepository currencies;

	private final Clock clock;

	Catalog(TierRepository tiers, BenefitRepository benefits, CatalogProperties properties, AuditLog audit,
			CurrencyRepository currencies, Clock clock) {
		this.tiers = tiers;
		this.benefits = benefits;
		this.properties = properties;
		this.audit = audit;
		this.currencies = currencies;
		this.clock = clock;
	}

	/**
	 * The benefits these slugs name, in their order, in words; a slug the catalog has no
	 * entry for is read aloud.
	 */
	public List<Benefit> benefits(List<String> slugs) {
		if (slugs.isEmpty()) {
			return List.of();
		}
		Map<String, Benefit> known = this.benefits.find(slugs)
			.stream()
			.collect(Collectors.toMap(Benefit::slug, Function.identity()));
		return slugs.stream().map((slug) -> known.getOrDefault(slug, Benefit.unnamed(slug))).toList();
	}

	/** Every benefit with an entry, by label: for the admin pages. */
	public List<Benefit> allBenefits() {
		return this.benefits.findAll();
	}

	/** Adds a benefit or changes its words; the slug stays what pages check. Audited. */
	@Transactional
	public void saveBenefit(Benefit benefit) {
		this.benefits.save(benefit);
		this.audit.record("benefit.save", "benefit:" + benefit.slug(),
				Map.of("label", benefit.label(), "description", benefit.description()));
	}

	/** Tiers a reader can choose now, in display order. */
	public List<Tier> activeTiers() {
		return this.tiers.findActive();
	}

	/** A tier by slug, retired or not (existing pledges keep their tier). */
	public Optional<Tier> tier(String slug) {
		return this.tiers.findBySlug(slug);
	}

	public Optional<Tier> tier(long id) {
		return this.tiers.findById(id);
	}

	/** Every tier, offered or retired, in display order: for the admin pages. */
	public List<Tier> allTiers() {
		return this.tiers.findAll();
	}

	/**
	 * Adds a tier at the end of the list, offered at once; audited with the change.
	 * @return its id, or empty when the slug is taken
	 */
	@Transactional
	public Optional<Long> createTier(TierChange change) {
		if (this.tiers.findBySlug(change.slug()).isPresent()) {
			return Optional.empty();
		}
		addMissingBenefits(change.benefits());
		long id = this.tiers.insert(new NewTier(change.slug(), change.name(), change.description(), change.benefits(),
				this.tiers.nextPosition(), List.of(new NewPrice(BillingInterval.MONTH, change.monthly()),
						new NewPrice(BillingInterval.YEAR, change.yearly()))));
		this.audit.record("tier.create", "tier:" + change.slug(), Map.of("name", change.name()));
		return Optional.of(id);
	}

	/**
	 * Changes a tier's words, benefits and prices; pledges already made keep what they
	 * pay. The slug stays: it names the tier in pledges, tokens and pages.
	 */
	@Transactional
	public void updateTier(Tier tier, TierChange change) {
		addMissingBenefits(change.benefits());
		this.tiers.update(tier.id(), change.name(), change.description(), change.benefits());
		this.tiers.setPrice(tier.id(), BillingInterval.MONTH, change.monthly());
		this.tiers.setPrice(tier.id(), BillingInterval.YEAR, change.yearly());
		this.audit.record("tier.update", "tier:" + tier.slug(), Map.of("name", change.name(), "monthly",
				change.monthly().major().toPlainString(), "yearly", change.yearly().major().toPlainString()));
	}

	/** Swaps a tier with its neighbour above or below in the display order. */
	@Transactional
	public void moveTier(Tier tier, boolean up) {
		long id = tier.id();
		this.audit.record("tier.move", "tier:" + tier.slug(), Map.of("direction", up ? "up" : "down"));
		List<Tier> order = this.tiers.findAll();
		int index = -1;
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).id() == id) {
				index = i;
			}
		}
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= order.size()) {
			return;
		}
		for (int i = 0; i < order.size(); i++) {
			int position = (i == index) ? other : (i == other) ? index : i;
			this.tiers.setPosition(order.get(i).id(), position);
		}
	}

	/** Retires a tier (no longer offered; its pledges go on) or offers it again. */
	@Transactional
	public void setOffered(Tier tier, boolean offered) {
		this.tiers.setActive(tier.id(), offered);
		this.audit.record(offered ? "tier.offer" : "tier.retire", "tier:" + tier.slug(), Map.of());
	}

	/**
	 * A slug new to the catalog gets an entry with its slug read aloud, to be worded
	 * later.
	 */
	private void addMissingBenefits(List<String> slugs) {
		slugs.forEach((slug) -> this.benefits.addIfMissing(Benefit.unnamed(slug)));
	}

	/**
	 * The default currency ({@code SUPPORTERS_CATALOG_CURRENCY}): always offered, the one
	 * a reader gets when nothing tells their own, the one asks' amounts are in.
	 */
	public String currency() {
		return this.properties.currency();
	}

	/**
	 * The currencies readers can choose, the default first; read from the database on
	 * each call, so that every instance agrees at once.
	 */
	public List<String> offeredCurrencies() {
		List<String> offered = new ArrayList<>();
		offered.add(currency());
		this.currencies.findAll().forEach((code, on) -> {
			if (on && !code.equals(currency())) {
				offered.add(code);
			}
		});
		return offered;
	}

	/** Whether readers can choose this currency (any text: false unless offered). */
	public boolean offers(String currency) {
		return currency != null && (currency.equals(currency()) || this.currencies.offered(currency));
	}

	/**
	 * Every currency admins listed or tiers have prices in, the default first, then by
	 * code.
	 */
	List<CurrencyOffer> currencies() {
		Map<String, CurrencyOffer> all = new LinkedHashMap<>();
		all.put(currency(), new CurrencyOffer(currency(), true, true));
		Map<String, Boolean> listed = new TreeMap<>(this.currencies.findAll());
		// prices written before a currency was listed (the example tiers' GBP and USD)
		this.tiers.findAll()
			.forEach((tier) -> tier.prices().keySet().forEach((code) -> listed.putIfAbsent(code, false)));
		listed.forEach((code, offered) -> all.putIfAbsent(code, new CurrencyOffer(code, offered, false)));
		return List.copyOf(all.values());
	}

	/**
	 * Lists a currency, not offered yet, so that tiers can be given prices in it.
	 * @return false when it was listed already
	 */
	@Transactional
	boolean addCurrency(Currency currency) {
		String code = currency.getCurrencyCode();
		if (code.equals(currency()) || !this.currencies.insert(code, this.clock.instant())) {
			return false;
		}
		this.audit.record("currency.add", "currency:" + code, Map.of());
		return true;
	}

	/** Offers a listed currency to readers, or stops offering it; pledges in it go on. */
	@Transactional
	void setOffered(Currency currency, boolean offered) {
		String code = currency.getCurrencyCode();
		this.currencies.setOffered(code, offered, this.clock.instant());
		this.audit.record(offered ? "currency.offer" : "currency.withdraw", "currency:" + code, Map.of());
	}

	/**
	 * Sets a tier's monthly and yearly prices per currency, all or nothing; both
	 * {@code null} stops selling the tier in that currency. Pledges already made keep
	 * what they pay. Only changed prices are written and audited.
	 */
	@Transactional
	void setPrices(Tier tier, List<CurrencyPrices> prices) {
		for (CurrencyPrices price : prices) {
			String code = price.currency().getCurrencyCode();
			Optional<Money> monthly = tier.price(code, BillingInterval.MONTH);
			Optional<Money> yearly = tier.price(code, BillingInterval.YEAR);
			if (monthly.equals(Optional.ofNullable(price.monthly()))
					&& yearly.equals(Optional.ofNullable(price.yearly()))) {
				continue;
			}
			if (price.monthly() == null) {
				this.tiers.removePrices(tier.id(), code);
				this.audit.record("tier.prices", "tier:" + tier.slug(), Map.of("currency", code, "prices", "none"));
				continue;
			}
			this.currencies.insert(code, this.clock.instant());
			this.tiers.setPrice(tier.id(), BillingInterval.MONTH, price.monthly());
			this.tiers.setPrice(tier.id(), BillingInterval.YEAR, price.yearly());
			this.audit.record("tier.prices", "tier:" + tier.slug(), Map.of("currency", code, "monthly",
					price.monthly().major().toPlainString(), "yearly", price.yearly().major().toPlainString()));
		}
	}

	/**
	 * A tier's prices in one currency: both, or neither (not sold in it).
	 */
	record CurrencyPrices(Currency currency, Money monthly, Money yearly) {

		CurrencyPrices {
			if ((monthly == null) != (yearly == null)) {
				throw new IllegalArgumentException("a tier has both prices in a currency, or neither");
			}
		}

	}

}
