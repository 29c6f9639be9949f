package org.supporters.membership;

import java.time.Instant;
import java.util.List;

/**
 * What a supporter is entitled to now: the membership JSON of the contract.
 *
 * @param tier the tier's slug, or {@code null}
 * @param validUntil when the entitlement ends unless renewed, or {@code null} for none
 */
public record Membership(boolean member, MembershipStatus status, String tier, List<String> benefits,
		Instant validUntil) {

	public static final Membership NONE = new Membership(false, MembershipStatus.NONE, null, List.of(), null);

}
