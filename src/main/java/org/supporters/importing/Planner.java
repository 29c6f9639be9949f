package org.supporters.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.supporter.SupporterSource;

/**
 * Decides what each checked row becomes (the dry run), from what is already here: a
 * supporter who started here is left as is; a patron imported before is updated when the
 * newer file says something else, and left alone when it says the same.
 */
final class Planner {

	/** The word staff choose (or give to {@code --map-tier}) for "no comp". */
	static final String NONE = "none";

	private final List<Tier> tiers;

	private final Map<String, String> chosen;

	private final Set<String> supportersHere;

	private final Map<String, StoredPatron> imported;

	private final String siteCurrency;

	/**
	 * @param tiers our tiers a comp may be at
	 * @param chosen staff's mapping: the file's tier name in lower case to our slug or
	 * {@link #NONE}
	 * @param supportersHere the emails (lower case) of supporters here already
	 * @param imported the patrons imported before, by email in lower case
	 */
	Planner(List<Tier> tiers, Map<String, String> chosen, Set<String> supportersHere,
			Map<String, StoredPatron> imported, String siteCurrency) {
		this.tiers = tiers;
		this.chosen = chosen;
		this.supportersHere = supportersHere;
		this.imported = imported;
		this.siteCurrency = siteCurrency;
	}

	DryRun plan(SupporterSource source, String sha256, RowReader.Rows rows) {
		Map<String, TierChoice> choices = tierChoices(rows.rows());
		List<RowPlan> plans = new ArrayList<>(rows.rows().size());
		List<Problem> fileProblems = new ArrayList<>(rows.problems());
		for (String name : this.chosen.keySet()) {
			String slug = this.chosen.get(name);
			if (!NONE.equals(slug) && this.tiers.stream().noneMatch((tier) -> tier.slug().equals(slug))) {
				fileProblems.add(Problem.blocking(0, null,
						"The tier \"" + name + "\" is mapped to \"" + slug + "\", which is not one of our tiers."));
			}
		}
		for (MemberRow row : rows.rows()) {
			plans.add(plan(row, choices));
		}
		return new DryRun(source, sha256, List.copyOf(fileProblems), plans, List.copyOf(choices.values()));
	}

	private Map<String, TierChoice> tierChoices(List<MemberRow> rows) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (MemberRow row : rows) {
			if (row.skip() == null) {
				String name = (row.externalTier() != null) ? row.externalTier() : "";
				counts.merge(key(name), 1, Integer::sum);
				names.putIfAbsent(key(name), name);
			}
		}
		Map<String, TierChoice> choices = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> count : counts.entrySet()) {
			String key = count.getKey();
			String slug = this.chosen.get(key);
			TierChoice choice;
			if (NONE.equals(slug)) {
				choice = new TierChoice(names.get(key), null, TierChoice.How.NONE, count.getValue());
			}
			else if (slug != null && tier(slug).isPresent()) {
				choice = new TierChoice(names.get(key), tier(slug).get(), TierChoice.How.CHOSEN, count.getValue());
			}
			else {
				Optional<Tier> same = this.tiers.stream()
					.filter((tier) -> !key.isEmpty() && (key(tier.name()).equals(key) || tier.slug().equals(key)))
					.findFirst();
				choice = same
					.map((tier) -> new TierChoice(names.get(key), tier, TierChoice.How.SAME_NAME, count.getValue()))
					.orElseGet(
							() -> new TierChoice(names.get(key), null, TierChoice.How.CLOSEST_PRICE, count.getValue()));
			}
			choices.put(key, choice);
		}
		return choices;
	}

	private RowPlan plan(MemberRow row, Map<String, TierChoice> choices) {
		if (row.blocked()) {
			return new RowPlan(row, RowAction.BLOCKED, "cannot be imported: "
					+ row.problems().stream().filter(Problem::blocking).map(Problem::message).findFirst().orElseThrow(),
					null, null, null, null);
		}
		if (row.skip() != null) {
			return new RowPlan(row, RowAction.SKIPPED, "skipped: " + row.skip(), null, null, null, null);
		}
		String email = row.email().toLowerCase(Locale.ROOT);
		TierChoice choice = choices.get(key((row.externalTier() != null) ? row.externalTier() : ""));
		Tier tier = (choice.how() == TierChoice.How.CLOSEST_PRICE) ? closest(row) : choice.tier();
		if (choice.how() == TierChoice.How.CLOSEST_PRICE && tier == null) {
			Problem problem = Problem.blocking(row.line(), null,
					"there is no tier of ours to give a comp at: create a tier first, or map this tier to none.");
			MemberRow blocked = withProblem(row, problem);
			return new RowPlan(blocked, RowAction.BLOCKED, "cannot be imported: " + problem.message(), null, null, null,
					null);
		}
		String digest = digest(row, tier);
		StoredPatron previous = this.imported.get(email);
		String comp = (tier != null)
				? "comp at " + tier.name() + " until " + RowReader.day(row.paidThrough()) + " ("
						+ row.paidThroughColumn()
						+ ((choice.how() == TierChoice.How.CLOSEST_PRICE) ? "; tier closest by price" : "") + ")"
				: "no comp (tier mapped to none)";
		if (previous == null) {
			if (this.supportersHere.contains(email)) {
				return new RowPlan(row, RowAction.LEFT_AS_IS, "already a supporter here, left as is", null, null, null,
						null);
			}
			return new RowPlan(row, RowAction.NEW, "new supporter; " + comp, tier, choice.how(), null, digest);
		}
		if (previous.pledged()) {
			return new RowPlan(row, RowAction.LEFT_AS_IS, "imported before and pledges here now, left as is", null,
					null, previous, null);
		}
		if (previous.digest().equals(digest)) {
			return new RowPlan(row, RowAction.UNCHANGED, "imported before, unchanged", tier, choice.how(), previous,
					digest);
		}
		List<String> changes = new ArrayList<>();
		if (!previous.paidThrough().equals(row.paidThrough())) {
			changes.add(
					"paid through " + RowReader.day(previous.paidThrough()) + " → " + RowReader.day(row.paidThrough()));
		}
		if (!Objects.equals(previous.tierId(), (tier != null) ? tier.id() : null)) {
			changes.add("comp tier → " + ((tier != null) ? tier.name() : "none"));
		}
		if (changes.isEmpty()) {
			changes.add("their details from the file");
		}
		return new RowPlan(row, RowAction.UPDATE, "imported before; updates " + String.join(", ", changes), tier,
				choice.how(), previous, digest);
	}

	/** Our tier whose price is nearest what the member pays, a month's worth each. */
	private Tier closest(MemberRow row) {
		if (this.tiers.isEmpty()) {
			return null;
		}
		if (row.amountMinor() == null) {
			return this.tiers.get(0);
		}
		long monthly = monthly(row.amountMinor(), row.interval());
		return this.tiers.stream()
			.min(Comparator.comparingLong((Tier tier) -> Math.abs(monthlyPrice(tier, row.currency()) - monthly)))
			.orElseThrow();
	}

	private long monthlyPrice(Tier tier, String currency) {
		Optional<Money> month = tier.price(currency, BillingInterval.MONTH)
			.or(() -> tier.price(this.siteCurrency, BillingInterval.MONTH));
		if (month.isPresent()) {
			return month.get().minor();
		}
		return tier.price(currency, BillingInterval.YEAR)
			.or(() -> tier.price(this.siteCurrency, BillingInterval.YEAR))
			.map((year) -> year.minor() / 12)
			.orElse(Long.MAX_VALUE / 2);
	}

	static long monthly(long amountMinor, BillingInterval interval) {
		return (interval == BillingInterval.YEAR) ? Math.round(amountMinor / 12.0) : amountMinor;
	}

	private Optional<Tier> tier(String slug) {
		return this.tiers.stream().filter((tier) -> tier.slug().equals(slug)).findFirst();
	}

	static String key(String externalTier) {
		return externalTier.trim().toLowerCase(Locale.ROOT);
	}

	private static MemberRow withProblem(MemberRow row, Problem problem) {
		List<Problem> problems = new ArrayList<>(row.problems());
		problems.add(problem);
		return new MemberRow(row.line(), row.email(), row.name(), row.externalTier(), row.amountMinor(), row.currency(),
				row.interval(), row.since(), row.lifetimeMinor(), row.paidThrough(), row.paidThroughColumn(),
				row.note(), row.skip(), List.copyOf(problems));
	}

	/** What the row says that the import keeps, as one hash. */
	static String digest(MemberRow row, Tier tier) {
		String joined = String.join("\u001f", row.email().toLowerCase(Locale.ROOT), Objects.toString(row.name(), ""),
				Objects.toString(row.externalTier(), ""), Objects.toString(row.amountMinor(), ""),
				Objects.toString(row.currency(), ""), Objects.toString(row.interval(), ""),
				Objects.toString(row.since(), ""), Objects.toString(row.lifetimeMinor(), ""),
				row.paidThrough().toString(), Objects.toString(row.note(), ""),
				(tier != null) ? Long.toString(tier.id()) : "");
		return sha256(joined.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
