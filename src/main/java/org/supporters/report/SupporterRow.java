package org.supporters.report;

import java.time.Instant;
import java.util.UUID;

import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.PledgeStatus;
import org.supporters.supporter.Provider;

/**
 * A line of the supporter list and its CSV: the supporter and their most relevant pledge
 * (a current recurring one first, else the latest).
 *
 * @param status the pledge's status, {@code null} when the supporter has no pledge
 * @param amountMinor the pledge's amount in minor units of its currency
 * @param amount the same for people, e.g. "€10.00"
 */
record SupporterRow(UUID id, String email, String name, Instant joined, PledgeStatus status, PledgeKind kind,
		String tierName, String interval, Long amountMinor, String currency, String amount, Provider provider) {
}
