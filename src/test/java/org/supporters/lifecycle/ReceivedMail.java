package org.supporters.lifecycle;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A lifecycle mail as GreenMail received it: its subject and its two parts. */
public record ReceivedMail(String subject, String from, String text, String html) {

	public static ReceivedMail of(MimeMessage message) {
		try {
			return new ReceivedMail(message.getSubject(), message.getFrom()[0].toString(), part(message, "text/plain"),
					part(message, "text/html"));
		}
		catch (MessagingException | IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * The first part of this type, however deep in the multipart tree; null when none.
	 */
	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
