package org.supporters.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a reader reads is there in every language: each key of the English bundle
 * has a German translation and the German bundle has no key English lacks; every message
 * that takes arguments is a pattern that formats.
 */
class LanguageBundleTests {

	@Test
	void everyEnglishKeyHasAGermanTranslationAndViceVersa() throws IOException {
		Properties english = bundle("/messages.properties");
		Properties german = bundle("/messages_de.properties");
		Set<String> missingInGerman = new TreeSet<>(english.stringPropertyNames());
		missingInGerman.removeAll(german.stringPropertyNames());
		Set<String> missingInEnglish = new TreeSet<>(german.stringPropertyNames());
		missingInEnglish.removeAll(english.stringPropertyNames());
		assertThat(missingInGerman).as("keys without a German translation").isEmpty();
		assertThat(missingInEnglish).as("German keys English lacks").isEmpty();
		assertThat(german.stringPropertyNames())
			.allSatisfy((key) -> assertThat(german.getProperty(key)).as(key).isNotBlank().doesNotContain("\"", "TODO"));
	}

	@Test
	void messagesWithArgumentsAreValidPatterns() throws IOException {
		for (String name : new String[] { "/messages.properties", "/messages_de.properties" }) {
			Properties bundle = bundle(name);
			for (String key : bundle.stringPropertyNames()) {
				String value = bundle.getProperty(key);
				if (value.contains("{0}")) {
					assertThat(new MessageFormat(value).format(new Object[] { "A", "B", "C" })).as(name + " " + key)
						.doesNotContain("{0}", "{1}", "{2}");
				}
			}
		}
	}

	private static Properties bundle(String path) throws IOException {
		Properties bundle = new Properties();
		try (InputStream in = LanguageBundleTests.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return bundle;
	}

}
