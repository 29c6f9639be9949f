package org.supporters.importing;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The move over time as an SVG drawn on the server, the way the dashboard draws its
 * charts: per week, the patrons who pledged here and the comps that ended unpledged; no
 * script, every bar with a text title, readable without colour.
 */
final class MoveChart {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 260;

	private static final int LEFT = 48;

	private static final int BOTTOM = 40;

	private static final int TOP = 16;

	private MoveChart() {
	}

	static String weeks(List<CampaignReport.Week> weeks) {
		long max = Math.max(1, weeks.stream().mapToLong((w) -> Math.max(w.pledged(), w.lapsed())).max().orElse(1));
		int plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = (double) (WIDTH - LEFT) / Math.max(1, weeks.size());
		double bar = slot * 0.35;
		StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
						+ "aria-labelledby=\"move-title\"><title id=\"move-title\">Pledged here and comps ended "
						+ "unpledged, per week</title>",
				WIDTH, HEIGHT));
		int baseline = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
				baseline, WIDTH, baseline));
		text(svg, LEFT - 6, TOP + 4, "end", Long.toString(max));
		text(svg, LEFT - 6, baseline, "end", "0");
		for (int i = 0; i < weeks.size(); i++) {
			CampaignReport.Week week = weeks.get(i);
			double x = LEFT + i * slot + slot * 0.12;
			rect(svg, "bar-new", x, week.pledged(), max, plotHeight, bar,
					"Week of " + week.label() + ": " + week.pledged() + " pledged");
			rect(svg, "bar-churned", x + bar, week.lapsed(), max, plotHeight, bar,
					"Week of " + week.label() + ": " + week.lapsed() + " comps ended unpledged");
			if (weeks.size() <= 13 || i % 2 == 0) {
				text(svg, x + bar, HEIGHT - BOTTOM + 16, "middle", week.label().substring(5));
			}
		}
		svg.append(String.format(Locale.ROOT, "<rect class=\"bar-new\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>",
				LEFT, HEIGHT - 14));
		text(svg, LEFT + 16, HEIGHT - 3, "start", "pledged");
		svg.append(String.format(Locale.ROOT,
				"<rect class=\"bar-churned\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>", LEFT + 90, HEIGHT - 14));
		text(svg, LEFT + 106, HEIGHT - 3, "start", "comp ended, not pledged");
		return svg.append("</svg>").toString();
	}

	private static void rect(StringBuilder svg, String css, double x, long value, long max, int plotHeight,
			double width, String title) {
		double height = plotHeight * (double) value / max;
		svg.append(String.format(Locale.ROOT,
				"<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>", css,
				x, HEIGHT - BOTTOM - height, width, height, HtmlUtils.htmlEscape(title)));
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
		svg.append(
				String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
						x, y, anchor, HtmlUtils.htmlEscape(text)));
	}

}
