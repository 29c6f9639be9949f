package org.supporters.platform;

import java.util.Optional;

/**
 * Where the publication's name may come from besides the setting: a module that lets
 * staff name it (the site module) implements this, so that the platform's mail sender
 * uses that name without depending on it.
 */
public interface PublicationNames {

	/** The name staff gave the publication, if any. */
	Optional<String> publicationName();

}
