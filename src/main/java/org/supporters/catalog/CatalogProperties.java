package org.supporters.catalog;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param exampleTiers create three example tiers on first start when the catalog is empty
 * @param currency the currency the support page offers
 */
@Validated
@ConfigurationProperties("supporters.catalog")
record CatalogProperties(@DefaultValue("true") boolean exampleTiers, @Pattern(regexp = "[A-Z]{3}",
		message = "must be a three-letter ISO 4217 code such as EUR") @DefaultValue("EUR") String currency) {
}
