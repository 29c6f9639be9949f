package org.supporters.lifecycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param renewalReceipts whether each renewal sends a receipt
 * ({@code SUPPORTERS_MAIL_RENEWAL_RECEIPTS}); the first payment always does
 * @param renewalNoticeDays how many days before a yearly renewal charges the reader is
 * told of it ({@code SUPPORTERS_MAIL_RENEWAL_NOTICE_DAYS})
 */
@Validated
@ConfigurationProperties("supporters.mail")
record LifecycleProperties(@DefaultValue("true") boolean renewalReceipts,
		@Min(1) @Max(60) @DefaultValue("7") int renewalNoticeDays) {
}
