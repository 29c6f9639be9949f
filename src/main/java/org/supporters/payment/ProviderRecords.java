package org.supporters.payment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.supporters.platform.ReaderErased;

/**
 * What the payment providers told us about an erased reader: their email is replaced by
 * the pseudonym and their name removed in the stored provider events and in both
 * providers' own records, whichever provider runs now (earlier test-mode rows hold the
 * same data).
 */
@Component
class ProviderRecords {

	private final ProviderRecordsRepository repository;

	ProviderRecords(ProviderRecordsRepository repository) {
		this.repository = repository;
	}

	@EventListener
	void on(ReaderErased erased) {
		this.repository.eraseFromEvents(erased.email(), erased.name(), erased.replacementEmail());
		this.repository.eraseFromSandbox(erased.email(), erased.replacementEmail());
		this.repository.eraseFromStripeCustomers(erased.email(), erased.replacementEmail());
	}

}
