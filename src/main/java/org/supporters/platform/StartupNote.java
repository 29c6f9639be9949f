package org.supporters.platform;

import java.util.Optional;

/**
 * What a module adds to the start-up banner ({@link StartupBanner}): a line when
 * something needs the operator, e.g. that no staff user exists yet.
 */
public interface StartupNote {

	/** The note's lines, or empty when there is nothing to say. */
	Optional<String> note(StartupCommand command);

	/**
	 * How this instance was started, for notes that say which command to run next.
	 *
	 * @param prefix the command line up to its options, e.g.
	 * {@code java -jar target/supporters.jar}
	 * @param argumentsQuoted whether options go inside one quoted argument (Maven's
	 * {@code -Dspring-boot.run.arguments=...})
	 */
	record StartupCommand(String prefix, boolean argumentsQuoted) {

		/** The command line with these options. */
		public String with(String options) {
			return this.argumentsQuoted ? this.prefix + "\"" + options + "\"" : this.prefix + " " + options;
		}

	}

}
