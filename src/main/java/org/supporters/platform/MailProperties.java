package org.supporters.platform;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retryInterval how often mails that SMTP refused are tried again
 * ({@code SUPPORTERS_MAIL_RETRY_INTERVAL})
 */
@Validated
@ConfigurationProperties("supporters.mail")
record MailProperties(@NotNull @DefaultValue("30s") Duration retryInterval) {
}
