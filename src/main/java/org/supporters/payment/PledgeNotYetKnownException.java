package org.supporters.payment;

/**
 * An event refers to a pledge whose own event has not been applied yet. The inbox tries
 * again later rather than failing for good.
 */
public class PledgeNotYetKnownException extends RuntimeException {

	public PledgeNotYetKnownException(String provider, String pledgeReference) {
		super("No pledge " + pledgeReference + " from " + provider + " yet; will retry");
	}

}
