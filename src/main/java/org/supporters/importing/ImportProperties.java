package org.supporters.importing;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The member import and its campaign ({@code SUPPORTERS_IMPORT_*}).
 *
 * @param maxFileSize the largest file the import reads (a Patreon export of 100,000
 * patrons is about 30 MB); larger uploads are refused with a message
 * @param reminderDays how many days before a patron's comp ends the reminders go
 * @param campaignInterval how often the campaign looks for mails that are due
 * @param campaignBatch how many patrons one run mails at most
 */
@Validated
@ConfigurationProperties("supporters.import")
record ImportProperties(@NotNull @DefaultValue("40MB") DataSize maxFileSize, @NotNull @DefaultValue( {
		"14", "3" }) List<@Positive @Max(365) Integer> reminderDays,
		@NotNull @DefaultValue("10m") Duration campaignInterval, @Positive @DefaultValue("500") int campaignBatch){
}
