package org.supporters.supporter;

/** A supporter to record from another service, with their history there. */
public record ImportedSupporter(String email, String name, SupporterOrigin origin) {
}
