package org.supporters.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;

/**
 * A row of the supporter list page as it is shown: every cell's words made here once, so
 * that the template only writes them out (a page is 50 rows of five cells).
 *
 * @param href the supporter's page
 * @param pledge the tier's name, "Own amount" or "One-off"; empty without a pledge
 * @param interval "a month", "a year", or {@code null} for a one-off
 * @param status the pledge's status in words; empty without a pledge
 */
record SupporterLine(String href, String email, String name, String joined, String pledge, String amount,
		String interval, String status) {

	/** The rows in words, each status looked up once. */
	static List<SupporterLine> of(List<SupporterRow> rows, MessageSource messages, Locale locale) {
		Map<PledgeStatus, String> statuses = new EnumMap<>(PledgeStatus.class);
		return rows.stream()
			.map((row) -> new SupporterLine("/staff/supporters/" + row.id(), row.email(), row.name(),
					row.joined().toString().substring(0, 10), pledge(row), row.amount(),
					(row.interval() != null) ? ("year".equals(row.interval()) ? "a year" : "a month") : null,
					(row.status() != null)
							? statuses.computeIfAbsent(row.status(),
									(status) -> messages.getMessage("pledge.status." + status.name(), null, locale))
							: ""))
			.toList();
	}

	private static String pledge(SupporterRow row) {
		if (row.tierName() != null) {
			return row.tierName();
		}
		if (row.kind() == null) {
			return "";
		}
		return (row.kind() == PledgeKind.ONE_OFF) ? "One-off" : "Own amount";
	}

}
