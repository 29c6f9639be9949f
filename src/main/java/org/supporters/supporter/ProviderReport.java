package org.supporters.supporter;

/** What a provider event says about the world, in the service's own words. */
public sealed interface ProviderReport permits PledgeReported, PaymentReported {

}
