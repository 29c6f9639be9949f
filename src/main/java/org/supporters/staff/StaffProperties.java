package org.supporters.staff;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param sessionTimeout how long a signed-in staff member may stay idle
 * ({@code SUPPORTERS_STAFF_SESSION_TIMEOUT})
 * @param maxFailedAttempts wrong passwords in a row before the account is locked
 * ({@code SUPPORTERS_STAFF_MAX_FAILED_ATTEMPTS})
 * @param lockout how long a locked account stays locked
 * ({@code SUPPORTERS_STAFF_LOCKOUT})
 */
@Validated
@ConfigurationProperties("supporters.staff")
record StaffProperties(@NotNull @DefaultValue("30m") Duration sessionTimeout,
		@Min(1) @Max(100) @DefaultValue("5") int maxFailedAttempts, @NotNull @DefaultValue("15m") Duration lockout) {
}
