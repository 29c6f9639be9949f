package org.supporters.ask;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How asks are targeted on the reader's device, and how their events are taken in.
 *
 * @param minimumArticles articles read in the last 30 days (this one included) before an
 * ask shows
 * @param fewerAsksDays a reader with the {@code fewer-asks} benefit sees at most one ask
 * in this many days
 * @param closedDays a banner the reader closed stays away this many days
 * @param eventsPerMinute events one client address may send per minute to one instance
 * @param flushInterval how long counts stay in an instance's memory before they are added
 * to the database (what a crash of the instance can lose)
 * @param minimumViews views each variant needs before the report judges a difference
 * @param liveCacheTtl how long an instance reuses the live asks it read (and their
 * tickers)
 */
@Validated
@ConfigurationProperties("supporters.asks")
record AskProperties(@Min(1) @Max(100) @DefaultValue("3") int minimumArticles,
		@Min(1) @Max(365) @DefaultValue("7") int fewerAsksDays, @Min(1) @Max(365) @DefaultValue("7") int closedDays,
		@Positive @DefaultValue("120") int eventsPerMinute, @DefaultValue("2s") Duration flushInterval,
		@Positive @DefaultValue("1000") long minimumViews, @DefaultValue("15s") Duration liveCacheTtl) {
}
