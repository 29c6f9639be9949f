package org.supporters.membership;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param graceDays how long after a failed renewal's period end a supporter stays a
 * member while the provider retries ({@code SUPPORTERS_GRACE_DAYS})
 * @param contributorDays how long a one-off contribution gives its benefits
 * ({@code SUPPORTERS_CONTRIBUTOR_DAYS})
 * @param contributorBenefits what a one-off contribution gives
 * @param ownAmountBenefits what a recurring own amount (no tier) gives
 */
@Validated
@ConfigurationProperties("supporters")
record MembershipProperties(@Min(0) @Max(60) @DefaultValue("7") int graceDays,
		@Min(1) @Max(3660) @DefaultValue("90") int contributorDays,
		@DefaultValue("fewer-asks") List<String> contributorBenefits, @DefaultValue( {
				"members-only", "fewer-asks" }) List<String> ownAmountBenefits){
}
