package org.supporters.site;

/**
 * WCAG 2's contrast ratio between two sRGB colours, from their relative luminance: 1 (the
 * same) to 21 (black on white). Normal text needs 4.5 (level AA).
 */
final class Contrast {

	static final double AA = 4.5;

	static final int WHITE = 0xffffff;

	private Contrast() {
	}

	static double ratio(int rgb, int other) {
		double one = luminance(rgb);
		double two = luminance(other);
		return (Math.max(one, two) + 0.05) / (Math.min(one, two) + 0.05);
	}

	private static double luminance(int rgb) {
		return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
				+ 0.0722 * channel(rgb & 0xff);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
