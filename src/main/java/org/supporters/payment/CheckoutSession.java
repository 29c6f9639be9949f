package org.supporters.payment;

import java.net.URI;

/** A checkout opened at the provider, and where to send the reader to pay. */
public record CheckoutSession(String reference, URI redirectUrl) {
}
