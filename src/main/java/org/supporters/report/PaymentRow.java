package org.supporters.report;

import java.time.Instant;
import java.util.UUID;

/** A payment as the payments CSV lists it, with its supporter's email. */
record PaymentRow(UUID id, Instant occurredAt, String email, String kind, long amountMinor, String currency,
		String status, long refundedMinor, String provider, String providerRef) {
}
