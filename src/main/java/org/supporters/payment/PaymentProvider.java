package org.supporters.payment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supporters.supporter.ProviderReport;
import java.util.UUID;

/** A place where readers pay: Stripe, or the offline sandbox. */
public interface PaymentProvider {

	/** The name stored with pledges and payments: {@code stripe} or {@code sandbox}. */
	String name();

	/**
	 * Opens a hosted checkout for the request. Calling it again for the same checkout
	 * returns the same session rather than a second one.
	 */
	CheckoutSession startCheckout(CheckoutRequest request);

	/**
	 * Checks the reader's return from the provider's checkout page and, when the provider
	 * says it was paid, applies that at once so the reader is a supporter before the page
	 * loads.
	 * @param parameters the query parameters of the return address
	 */
	ReturnConfirmation confirmReturn(UUID checkoutId, Map<String, String> parameters);

	/**
	 * Reads an event this provider sent into what it means now. A provider whose events
	 * may be stale re-fetches the objects they name; a failure here is retried later.
	 */
	List<ProviderReport> read(ReceivedEvent event);

	/**
	 * Where the reader with this email manages their pledges: cancel, change the card.
	 * Empty when this provider has no pledge of theirs.
	 */
	Optional<URI> manageUrl(String email);

}
