package org.supporters.membership;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param keyReloadInterval how often each instance reloads the signing keys, to see
 * another instance's rotation ({@code SUPPORTERS_MEMBERSHIP_KEY_RELOAD_INTERVAL})
 */
@Validated
@ConfigurationProperties("supporters.membership")
record SigningKeyProperties(@NotNull @DefaultValue("60s") Duration keyReloadInterval) {
}
