package org.supporters.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.supporters.catalog.Money;
import org.supporters.pledge.CheckoutAttributions;

/**
 * An ask's results per variant, from the event counts and the checkouts it brought, and
 * each variant compared with the first (the control) on click-through and on pledges per
 * view.
 */
@Component
class AskReport {

	private final AskRepository asks;

	private final CheckoutAttributions checkouts;

	private final AskProperties properties;

	AskReport(AskRepository asks, CheckoutAttributions checkouts, AskProperties properties) {
		this.asks = asks;
		this.checkouts = checkouts;
		this.properties = properties;
	}

	Results of(Ask ask) {
		Map<String, Map<AskEvent, Long>> counts = this.asks.counts(ask.id());
		Map<String, CheckoutAttributions.VariantCheckouts> started = new java.util.HashMap<>();
		this.checkouts.byVariant(ask.id()).forEach((row) -> started.put(row.variant(), row));
		List<Row> rows = new ArrayList<>();
		for (Ask.Variant variant : ask.variants()) {
			Map<AskEvent, Long> events = counts.getOrDefault(variant.key(), Map.of());
			CheckoutAttributions.VariantCheckouts checkouts = started.getOrDefault(variant.key(),
					new CheckoutAttributions.VariantCheckouts(variant.key(), 0, 0, List.of()));
			rows.add(new Row(variant.key(), variant.headline(), events.getOrDefault(AskEvent.SHOWN, 0L),
					events.getOrDefault(AskEvent.CLICKED, 0L), events.getOrDefault(AskEvent.CLOSED, 0L),
					checkouts.started(), checkouts.completed(), checkouts.firstPayments()));
		}
		List<Comparison> comparisons = new ArrayList<>();
		Row control = rows.isEmpty() ? null : rows.get(0);
		for (Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
			comparisons.add(new Comparison(control.key(), row.key(),
					compare(control, row, control.clicked(), row.clicked(), "clicks"),
					compare(control, row, control.pledges(), row.pledges(), "pledges per view")));
		}
		return new Results(rows, comparisons, this.properties.minimumViews());
	}

	List<CheckoutAttributions.ArticleCheckouts> topArticles() {
		return this.checkouts.topArticles(10);
	}

	private Verdict compare(Row control, Row other, long controlSuccesses, long otherSuccesses, String what) {
		long minimum = this.properties.minimumViews();
		if (control.shown() < minimum || other.shown() < minimum) {
			return new Verdict(null,
					String.format(Locale.UK, "Not enough data yet: each variant needs at least %,d views.", minimum));
		}
		Significance.Test test = Significance.twoProportions(controlSuccesses, control.shown(), otherSuccesses,
				other.shown());
		String p = String.format(Locale.UK, "p = %.3f", test.p());
		if (!test.significant()) {
			return new Verdict(test.p(), "No clear difference in " + what + " between " + label(control) + " and "
					+ label(other) + " (" + p + "): it could be chance.");
		}
		Row better = (test.z() > 0) ? other : control;
		Row worse = (better == other) ? control : other;
		return new Verdict(test.p(), label(better) + " gets more " + what + " than " + label(worse) + " (" + p
				+ "): unlikely to be chance.");
	}

	private static String label(Row row) {
		return "variant " + row.key().toUpperCase(Locale.ROOT);
	}

	/**
	 * @param firstPayments the completed checkouts' first payments, per currency
	 */
	record Row(String key, String headline, long shown, long clicked, long closed, long checkouts, long pledges,
			List<Money> firstPayments) {

		/** Clicks per view, in percent; null without views. */
		public Double clickThrough() {
			return (this.shown > 0) ? 100.0 * this.clicked / this.shown : null;
		}

		/** Pledges completed per thousand views; null without views. */
		public Double perThousandViews() {
			return (this.shown > 0) ? 1000.0 * this.pledges / this.shown : null;
		}

	}

	/**
	 * @param pValue null when there is not enough data
	 */
	record Verdict(Double pValue, String words) {
	}

	record Comparison(String control, String variant, Verdict clickThrough, Verdict conversion) {
	}

	record Results(List<Row> rows, List<Comparison> comparisons, long minimumViews) {
	}

}
