package org.supporters.supporter;

/**
 * An event refers to a pledge whose own event has not been applied yet. The inbox tries
 * again later rather than failing for good.
 */
public class PledgeNotYetKnownException extends RuntimeException {

	PledgeNotYetKnownException(Provider provider, String pledgeReference) {
		super("No pledge " + pledgeReference + " from " + provider.code() + " yet; will retry");
	}

}
