package org.supporters.site;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Logo files for the tests: real PNG and JPEG images, SVGs clean and not. */
final class Logos {

	static final String CLEAN_SVG = """
			<?xml version="1.0" encoding="UTF-8"?>
			<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">
			  <defs><linearGradient id="g"><stop offset="0" stop-color="#0b4f8a"/><stop offset="1" stop-color="#123"/></linearGradient></defs>
			  <rect width="120" height="40" fill="url(#g)"/>
			  <text x="10" y="26" fill="#fff" font-size="16">Times</text>
			</svg>
			""";

	private Logos() {
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpg");
	}

	static byte[] svg(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x7a, 0x1f, 0x2b));
		graphics.fillRect(0, 0, 120, 40);
		graphics.dispose();
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(image, format, bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
