package org.supporters.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.TierRepository.NewPrice;
import org.supporters.catalog.TierRepository.NewTier;
import org.supporters.staff.AuditLog;

/**
 * What other modules ask of the catalog: the tiers on offer, and the currency they are
 * sold in.
 */
@Service
public class Catalog {

	private final TierRepository tiers;

	private final BenefitRepository benefits;

	private final CatalogProperties properties;

	private final AuditLog audit;

	Catalog(TierRepository tiers, BenefitRepository benefits, CatalogProperties properties, AuditLog audit) {
		this.tiers = tiers;
		this.benefits = benefits;
		this.properties = properties;
		this.audit = audit;
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

	public String currency() {
		return this.properties.currency();
	}

}
