package org.supporters.report;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's charts as SVG drawn on the server: no script, nothing to load, readable
 * without colour (every bar has a text label and a title). Every text is escaped.
 */
final class Charts {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 260;

	private static final int LEFT = 48;

	private static final int BOTTOM = 40;

	private static final int TOP = 16;

	private Charts() {
	}

	/** New and churned supporters per month as pairs of bars. */
	static String growth(List<Dashboard.Month> months) {
		long max = Math.max(1,
				months.stream().mapToLong((m) -> Math.max(m.newSupporters(), m.churned())).max().orElse(1));
		int plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = (double) (WIDTH - LEFT) / Math.max(1, months.size());
		double bar = slot * 0.35;
		StringBuilder svg = open("New and churned supporters per month");
		axis(svg, max);
		for (int i = 0; i < months.size(); i++) {
			Dashboard.Month month = months.get(i);
			double x = LEFT + i * slot + slot * 0.12;
			rect(svg, "bar-new", x, month.newSupporters(), max, plotHeight, bar,
					month.label() + ": " + month.newSupporters() + " new");
			rect(svg, "bar-churned", x + bar, month.churned(), max, plotHeight, bar,
					month.label() + ": " + month.churned() + " churned");
			text(svg, "label", x + bar, HEIGHT - BOTTOM + 16, "middle", month.label().substring(2));
		}
		legend(svg);
		return svg.append("</svg>").toString();
	}

	/** Active supporters per tier as horizontal bars. */
	static String tierMix(List<Dashboard.TierCount> tiers) {
		long max = Math.max(1, tiers.stream().mapToLong(Dashboard.TierCount::supporters).max().orElse(1));
		int rowHeight = 32;
		int height = Math.max(1, tiers.size()) * rowHeight + 8;
		int labelWidth = 160;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"tier-mix-title\">"
						+ "<title id=\"tier-mix-title\">Active supporters per tier</title>",
				WIDTH, height));
		for (int i = 0; i < tiers.size(); i++) {
			Dashboard.TierCount tier = tiers.get(i);
			String name = (tier.tierName() != null) ? tier.tierName() : "Own amount";
			double y = 4 + i * rowHeight;
			double width = (WIDTH - labelWidth - 80) * (double) tier.supporters() / max;
			text(svg, "label", labelWidth - 8, y + 20, "end", name);
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"bar-tier\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>%s</title></rect>",
					labelWidth, y + 4, width, rowHeight - 10, escape(name + ": " + tier.supporters())));
			text(svg, "value", labelWidth + width + 6, y + 20, "start", Long.toString(tier.supporters()));
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String title) {
		return new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"growth-title\">"
						+ "<title id=\"growth-title\">%s</title>",
				WIDTH, HEIGHT, escape(title)));
	}

	private static void axis(StringBuilder svg, long max) {
		int baseline = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
				baseline, WIDTH, baseline));
		text(svg, "label", LEFT - 6, TOP + 4, "end", Long.toString(max));
		text(svg, "label", LEFT - 6, baseline, "end", "0");
		svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
				TOP, WIDTH, TOP));
	}

	private static void rect(StringBuilder svg, String css, double x, long value, long max, int plotHeight,
			double width, String title) {
		double height = plotHeight * (double) value / max;
		svg.append(String.format(Locale.ROOT,
				"<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>", css,
				x, HEIGHT - BOTTOM - height, width, height, escape(title)));
	}

	private static void legend(StringBuilder svg) {
		svg.append(String.format(Locale.ROOT, "<rect class=\"bar-new\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>",
				LEFT, HEIGHT - 14));
		text(svg, "label", LEFT + 16, HEIGHT - 3, "start", "new");
		svg.append(String.format(Locale.ROOT,
				"<rect class=\"bar-churned\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>", LEFT + 70, HEIGHT - 14));
		text(svg, "label", LEFT + 86, HEIGHT - 3, "start", "churned");
	}

	private static void text(StringBuilder svg, String css, double x, double y, String anchor, String text) {
		svg.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
				css, x, y, anchor, escape(text)));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
