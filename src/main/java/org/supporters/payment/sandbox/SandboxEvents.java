package org.supporters.payment.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import org.supporters.supporter.PaymentReported;
import org.supporters.supporter.PledgeReported;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.supporter.ProviderReport;
import org.supporters.payment.ReceivedEvent;
import org.supporters.supporter.Provider;

/**
 * The events the sandbox sends, shaped like Stripe's (an id, a type such as
 * {@code invoice.paid}, the time) and carrying the pledge and payment as they now stand.
 * They go into the same inbox as Stripe's webhooks.
 */
@Component
@Conditional(SandboxMode.class)
class SandboxEvents {

	static final String PROVIDER = Provider.SANDBOX.code();

	private final ProviderEventInbox inbox;

	private final JsonMapper json;

	SandboxEvents(ProviderEventInbox inbox, JsonMapper json) {
		this.inbox = inbox;
		this.json = json;
	}

	/**
	 * Records the event in the inbox, in the caller's transaction; false when an event of
	 * this id was sent before.
	 */
	boolean send(String eventId, String type, Instant created, PledgeReported pledge, PaymentReported payment) {
		Event event = new Event(eventId, type, created, pledge, payment);
		return this.inbox.receive(PROVIDER, eventId, type, this.json.writeValueAsString(event));
	}

	List<ProviderReport> read(ReceivedEvent received) {
		Event event = this.json.readValue(received.payload(), Event.class);
		List<ProviderReport> reports = new ArrayList<>();
		if (event.pledge() != null) {
			reports.add(event.pledge());
		}
		if (event.payment() != null) {
			reports.add(event.payment());
		}
		return reports;
	}

	record Event(String id, String type, Instant created, PledgeReported pledge, PaymentReported payment) {
	}

}
