package org.supporters.pledge;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param countryHeader the request header in which the site's CDN or proxy names the
 * reader's country (ISO 3166 alpha-2), read before {@code CF-IPCountry} and
 * {@code CloudFront-Viewer-Country}
 */
@Validated
@ConfigurationProperties("supporters")
record CurrencyChoiceProperties(@Pattern(regexp = "[A-Za-z0-9-]{1,64}",
		message = "must be an HTTP header name such as X-Country-Code") String countryHeader) {
}
