package org.supporters.platform;

import org.springframework.stereotype.Component;

/**
 * What readers are told of the publication they support: its name. Read here, so that the
 * name can later come from the database (staff editing it) without its readers changing;
 * today it is the {@code SUPPORTERS_PUBLICATION_NAME} setting.
 */
@Component
public class Publication {

	private final String name;

	Publication(PublicationProperties properties) {
		this.name = properties.publicationName().strip();
	}

	/** The publication's name, e.g. "The Daily Example". */
	public String name() {
		return this.name;
	}

}
