package org.supporters.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Where a reader goes back to after pledging or signing in ({@code ?return=<URL>}): only
 * an http(s) URL on the service's own origin or one of the site's origins. Anything else
 * (another origin, {@code //evil}, {@code javascript:}, user info, backslashes, control
 * characters, encoded slashes) is treated as no return at all, never as an error: a link
 * someone else crafted must not turn the service into an open redirect.
 */
@Component
public class ReturnUrls {

	static final int MAX_LENGTH = 2000;

	private final URI publicUri;

	private final Set<String> origins;

	ReturnUrls(SupportersProperties properties) {
		this.publicUri = properties.publicUri();
		// the site origins are checked at start-up (SupportersProperties)
		this.origins = Stream
			.concat(Stream.of(origin(this.publicUri)),
					properties.siteOrigins().stream().map((site) -> origin(URI.create(site))))
			.filter((origin) -> origin != null)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The URL to send the reader back to, as an absolute URL; empty when there is none or
	 * it may not be honoured. A path on the service ({@code /account}) counts as the
	 * service's own origin.
	 */
	public Optional<String> allowed(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			// browsers read "\" as "/" and drop tabs: they would see another URL
			if (c <= 0x20 || c == 0x7f || c == '\\' || c > 0x7e) {
				return Optional.empty();
			}
		}
		try {
			URI uri = new URI(candidate);
			if (!uri.isAbsolute()) {
				// only a plain path: "//host" and "///host" name another origin
				if (!candidate.startsWith("/") || candidate.startsWith("//")) {
					return Optional.empty();
				}
				uri = new URI(this.publicUri + candidate);
			}
			String origin = origin(uri);
			// an encoded slash is "//host" again to a server that decodes it
			String path = (uri.getRawPath() != null) ? uri.getRawPath().toLowerCase(Locale.ROOT) : "";
			if (origin == null || uri.getRawUserInfo() != null || !this.origins.contains(origin) || path.contains("%2f")
					|| path.contains("%5c")) {
				return Optional.empty();
			}
			return Optional.of(uri.toString());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/** scheme://host[:port] in lower case without a default port; null if not http(s). */
	private static String origin(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"http".equals(scheme) && !"https".equals(scheme) || uri.isOpaque() || uri.getHost() == null) {
			return null;
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

}
