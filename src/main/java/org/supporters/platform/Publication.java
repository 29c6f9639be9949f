package org.supporters.platform;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What readers are told of the publication they support: its name. The name staff set
 * (through a {@link PublicationNames}, read per call so that every instance agrees) comes
 * first; the {@code SUPPORTERS_PUBLICATION_NAME} setting is the default.
 */
@Component
public class Publication {

	private final String settingName;

	private final ObjectProvider<PublicationNames> names;

	Publication(PublicationProperties properties, ObjectProvider<PublicationNames> names) {
		this.settingName = properties.publicationName().strip();
		this.names = names;
	}

	/** The publication's name, e.g. "The Daily Example". */
	public String name() {
		return this.names.orderedStream()
			.map(PublicationNames::publicationName)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(this.settingName);
	}

	/** The name from the {@code SUPPORTERS_PUBLICATION_NAME} setting. */
	public String settingName() {
		return this.settingName;
	}

}
