package org.supporters.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicationName the name readers know the publication by, in every mail's sender
 * and words ({@code SUPPORTERS_PUBLICATION_NAME})
 */
@Validated
@ConfigurationProperties("supporters")
record PublicationProperties(@NotBlank @Size(max = 100) @DefaultValue("Supporters") String publicationName) {
}
