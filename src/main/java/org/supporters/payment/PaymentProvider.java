package org.supporters.payment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.UUID;

import org.supporters.supporter.CancelReason;
import org.supporters.supporter.ProviderReport;

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

	/**
	 * What changing the reader's recurring pledge to these terms would cost now, prorated
	 * as the provider does it.
	 * @param reference the pledge's reference at this provider
	 * @throws PledgeChangeRefusedException when the pledge cannot be changed
	 * @throws PaymentProviderUnavailableException when the provider did not answer
	 */
	ChangePreview previewChange(String email, String reference, PledgeTerms terms);

	/**
	 * Charges the pledge on these terms from now, with the proration the preview showed.
	 * The ledger hears of it through the inbox, like any change. The same idempotency key
	 * changes it once.
	 * @throws PledgeChangeRefusedException when the pledge cannot be changed; nothing was
	 * @throws PaymentProviderUnavailableException when the provider did not answer;
	 * nothing was changed
	 */
	void changePledge(String email, String reference, PledgeTerms terms, String idempotencyKey);

	/**
	 * Stops the pledge at the end of the paid period, keeping why the reader canceled.
	 * @param reason {@code null} when the reader gave none
	 * @param comment the reader's own words, or {@code null}
	 */
	void cancelPledge(String email, String reference, CancelReason reason, String comment, String idempotencyKey);

	/** Takes back a cancel before the period ends: the pledge renews again. */
	void resumePledge(String email, String reference, String idempotencyKey);

}
