package org.supporters.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the people who run the service.
 *
 * @param home where {@code /} sends a visitor: a path of this service or another site's
 * URL ({@code SUPPORTERS_HOME})
 */
@Validated
@ConfigurationProperties("supporters")
record OperationsProperties(@NotBlank @Pattern(regexp = "(/(?!/)[^\\s]*)|(https?://[^/\\s?#]+(/[^\\s]*)?)",
		message = "must be a path such as /support or an http or https URL") @DefaultValue("/support") String home) {
}
