package org.supporters.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Patreon-shaped members export in {@code importing/patreon-members.csv} (Patreon's
 * columns, a byte-order mark, Windows line ends, quoted fields with commas and line
 * breaks), with its dates written relative to a day and its emails unique to one run.
 */
final class PatreonFixture {

	private static final Pattern DAYS = Pattern.compile("\\{([+-]\\d+)d\\}");

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final Instant base;

	PatreonFixture(Instant base) {
		this.base = base;
	}

	String email(String who) {
		return who + "." + this.run + "@patrons.test";
	}

	byte[] bytes() {
		try (InputStream in = PatreonFixture.class.getResourceAsStream("/importing/patreon-members.csv")) {
			String template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{RUN}", this.run);
			Matcher days = DAYS.matcher(template);
			StringBuilder out = new StringBuilder();
			while (days.find()) {
				days.appendReplacement(out, day(Integer.parseInt(days.group(1))));
			}
			days.appendTail(out);
			return out.toString().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The day this many days from the base, as Patreon writes it. */
	String day(int days) {
		return this.base.atZone(ZoneOffset.UTC).toLocalDate().plusDays(days).toString();
	}

	/** The end of that day in UTC: a comp "until 5 March" lasts until 6 March 00:00. */
	Instant endOf(int days) {
		return this.base.atZone(ZoneOffset.UTC)
			.toLocalDate()
			.plusDays(days + 1L)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
	}

	/** 08:15 UTC on that day. */
	Instant at0815(int days) {
		return this.base.atZone(ZoneOffset.UTC).toLocalDate().plusDays(days).atTime(8, 15).toInstant(ZoneOffset.UTC);
	}

}
