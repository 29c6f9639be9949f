package org.supporters.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may go to: http(s), no credentials in the URL, and (unless allowed)
 * never a host that resolves to an address of the service's own networks, checked when an
 * endpoint is saved and again before every delivery, as DNS answers change.
 */
class WebhookUrls {

	static final int MAX_LENGTH = 2000;

	private final boolean allowPrivate;

	WebhookUrls(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** What is wrong with the URL an admin typed, to show next to the field. */
	Optional<String> problemWith(String url) {
		if (url == null || url.isBlank()) {
			return Optional.of("Enter the URL the webhooks go to.");
		}
		if (url.length() > MAX_LENGTH) {
			return Optional.of("The URL may be at most " + MAX_LENGTH + " characters long.");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return Optional.of("That is not a URL: use e.g. https://crm.example.com/hooks/supporters.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return Optional.of("Use an http:// or https:// URL.");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("Leave user names and passwords out of the URL: the signature proves who sends.");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return Optional.of("The URL needs a host name.");
		}
		return refusedAddress(uri);
	}

	/**
	 * Why the host may not be called now, if so: it does not resolve, or it resolves to a
	 * private, loopback, link-local, multicast or unspecified address and that is not
	 * allowed.
	 */
	Optional<String> refusedAddress(URI uri) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			return Optional.of("The host " + uri.getHost() + " does not resolve.");
		}
		if (this.allowPrivate) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (isInternal(address)) {
				return Optional.of("The host " + uri.getHost()
						+ " resolves to a private, loopback or link-local address: webhooks go to public hosts only.");
			}
		}
		return Optional.empty();
	}

	static boolean isInternal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// carrier-grade NAT 100.64/10 and 0/8 are not covered by the JDK's checks
			return first == 0 || (first == 100 && second >= 64 && second < 128);
		}
		// IPv6 unique local addresses fc00::/7
		return (bytes[0] & 0xfe) == 0xfc;
	}

}
