package org.supporters.report;

import java.time.Instant;
import java.util.UUID;

import org.supporters.supporter.PaymentStatus;
import org.supporters.supporter.PledgeKind;
import org.supporters.supporter.Provider;

/** A payment as the payments CSV lists it, with its supporter's email. */
record PaymentRow(UUID id, Instant occurredAt, String email, PledgeKind kind, long amountMinor, String currency,
		PaymentStatus status, long refundedMinor, Provider provider, String providerRef) {
}
