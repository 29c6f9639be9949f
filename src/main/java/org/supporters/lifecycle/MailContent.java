package org.supporters.lifecycle;

import java.util.List;

/**
 * What one mail says, in the reader's words, before it is laid out as HTML and as plain
 * text.
 *
 * @param lead the paragraphs before the facts
 * @param facts label and value pairs (an amount, a date)
 * @param action the one thing to do, as a button; {@code null} for none
 * @param closing the paragraphs after the button
 */
record MailContent(String subject, List<String> lead, List<Fact> facts, Link action, List<String> closing) {

	record Fact(String label, String value) {
	}

	record Link(String label, String url) {
	}

}
