package org.supporters.site;

/**
 * The kinds of logo the service takes, by what their bytes are, not what a browser says.
 */
enum LogoType {

	PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), SVG("image/svg+xml", "svg");

	private final String mediaType;

	private final String extension;

	LogoType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	String mediaType() {
		return this.mediaType;
	}

	String extension() {
		return this.extension;
	}

	static LogoType fromMediaType(String mediaType) {
		for (LogoType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown logo type: " + mediaType);
	}

}
