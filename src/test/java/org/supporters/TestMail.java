package org.supporters;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once; the service under test
 * sends its mail to it.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized int port() {
		if (server == null) {
			ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
			server = new GreenMail(smtp);
			server.start();
		}
		return server.getSmtp().getPort();
	}

	/** The newest mail to this address, waiting up to 10 seconds for one to arrive. */
	public static Received lastTo(String address) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			Optional<Received> found = find(address);
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("no mail to " + address + " within 10 seconds");
	}

	/** Every mail to this address, in the order they arrived. */
	public static List<MimeMessage> allTo(String address) {
		port();
		return Arrays.stream(server.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	/** How many mails went to this address. */
	public static long countTo(String address) {
		port();
		return Arrays.stream(server.getReceivedMessages()).filter((message) -> isTo(message, address)).count();
	}

	private static Optional<Received> find(String address) {
		port();
		// in the order they arrived
		return Arrays.stream(server.getReceivedMessages())
			.filter((message) -> isTo(message, address))
			.reduce((first, second) -> second)
			.map(TestMail::received);
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	private static Received received(MimeMessage message) {
		try {
			return new Received(message.getSubject(), String.valueOf(message.getContent()),
					message.getFrom()[0].toString());
		}
		catch (MessagingException | IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** A mail as the reader reads it. */
	public record Received(String subject, String body, String from) {
	}

}
