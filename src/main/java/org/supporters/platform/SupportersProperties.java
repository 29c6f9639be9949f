package org.supporters.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service-wide settings, bound from {@code SUPPORTERS_*} environment variables.
 *
 * @param dataDir where the embedded PostgreSQL and other local state live
 * @param publicUrl base URL for links in emails and provider return URLs
 * @param siteOrigins origins of the news site allowed to call the membership API
 * @param cookieDomain domain of the membership cookie; empty for host-only
 * @param trustedProxies CIDRs of the proxies whose {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} count; empty: none, the connection's address is the client's
 */
@Validated
@ConfigurationProperties("supporters")
public record SupportersProperties(@NotNull @DefaultValue("./var") Path dataDir, @NotNull @Pattern(
		regexp = "https?://[^/\\s?#]+(/[^\\s?#]*)?",
		message = "must be an http or https URL without query, e.g. https://members.example.com") @DefaultValue("http://localhost:8080") String publicUrl,
		@NotEmpty @DefaultValue("http://localhost:8080") List<@Pattern(regexp = "https?://[^/\\s?#]+",
				message = "must be an origin such as https://www.example.com") String> siteOrigins,
		@Pattern(regexp = "\\.?[a-z0-9.-]+", message = "must be a domain such as .example.com") String cookieDomain,
		@NotNull @DefaultValue List<@Pattern(
				regexp = "(\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2})|([0-9A-Fa-f:]*:[0-9A-Fa-f:.]*/\\d{1,3})",
				message = "must be a CIDR such as 10.0.0.0/8 or 203.0.113.7/32") String> trustedProxies) {

	public URI publicUri() {
		return URI.create(this.publicUrl.endsWith("/") ? this.publicUrl.substring(0, this.publicUrl.length() - 1)
				: this.publicUrl);
	}

	public boolean secureCookies() {
		return this.publicUrl.startsWith("https://");
	}

}
