package org.supporters.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Decides whether an upload may be the logo: PNG or JPEG by their first bytes (whatever
 * the browser called them), or an SVG without anything that could run or reach out. Such
 * an SVG is refused, not cleaned: a logo exported from a drawing program has none of it.
 */
final class LogoCheck {

	static final int MAX_BYTES = 512 * 1024;

	static final String TOO_LARGE = "The logo is larger than 512 KB. Save it smaller (an SVG, or a PNG of about 400 pixels wide) and upload it again.";

	static final String NOT_AN_IMAGE = "This file is not a PNG, JPEG or SVG image.";

	static final String UNSAFE_SVG = "This SVG contains script, event handlers, embedded HTML or references to other files. Save it without them, or upload a PNG.";

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	/** Elements that run code, embed other documents, or change links by animation. */
	private static final Set<String> REFUSED_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
			"handler", "listener", "set", "animate", "animatemotion", "animatetransform", "animatecolor", "image",
			"feimage", "a");

	/** A url(...) that points anywhere but inside the document itself. */
	private static final Pattern OUTSIDE_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*(?!#)",
			Pattern.CASE_INSENSITIVE);

	private LogoCheck() {
	}

	/** The logo, or the message that says why this file cannot be one. */
	static Result check(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			return Result.refused(TOO_LARGE);
		}
		if (startsWith(bytes, PNG)) {
			return Result.accepted(new Logo(bytes, LogoType.PNG));
		}
		if (startsWith(bytes, JPEG)) {
			return Result.accepted(new Logo(bytes, LogoType.JPEG));
		}
		Document svg = parseSvg(bytes);
		if (svg == null) {
			return Result.refused(NOT_AN_IMAGE);
		}
		return safe(svg) ? Result.accepted(new Logo(bytes, LogoType.SVG)) : Result.refused(UNSAFE_SVG);
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (bytes[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The document when the bytes are well-formed XML whose root is an SVG element; no
	 * DOCTYPE (so no entities) and nothing fetched from elsewhere.
	 */
	private static Document parseSvg(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Document document = builder.parse(new ByteArrayInputStream(bytes));
			Element root = document.getDocumentElement();
			boolean svg = root != null && "svg".equals(root.getLocalName())
					&& "http://www.w3.org/2000/svg".equals(root.getNamespaceURI());
			return svg ? document : null;
		}
		catch (ParserConfigurationException | SAXException | IOException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean safe(Node node) {
		NodeList children = node.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			switch (child.getNodeType()) {
				case Node.ELEMENT_NODE -> {
					if (!safeElement((Element) child) || !safe(child)) {
						return false;
					}
				}
				case Node.PROCESSING_INSTRUCTION_NODE, Node.ENTITY_REFERENCE_NODE -> {
					return false;
				}
				case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
					if (OUTSIDE_URL.matcher(child.getNodeValue()).find()
							|| child.getNodeValue().toLowerCase(Locale.ROOT).contains("@import")) {
						return false;
					}
				}
				default -> {
				}
			}
		}
		return true;
	}

	private static boolean safeElement(Element element) {
		String name = (element.getLocalName() != null) ? element.getLocalName() : element.getTagName();
		if (REFUSED_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))
				|| !"http://www.w3.org/2000/svg".equals(element.getNamespaceURI())) {
			return false;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String attributeName = ((attribute.getLocalName() != null) ? attribute.getLocalName() : attribute.getName())
				.toLowerCase(Locale.ROOT);
			String value = attribute.getValue();
			if (attributeName.startsWith("on")) {
				return false;
			}
			if (attributeName.equals("href") && !value.strip().startsWith("#")) {
				return false;
			}
			if (OUTSIDE_URL.matcher(value).find() || value.toLowerCase(Locale.ROOT).contains("javascript:")) {
				return false;
			}
		}
		return true;
	}

	/** A logo, or why not. */
	record Result(Logo logo, String problem) {

		static Result accepted(Logo logo) {
			return new Result(logo, null);
		}

		static Result refused(String problem) {
			return new Result(null, problem);
		}

	}

}
