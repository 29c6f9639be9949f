package org.supporters.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The languages readers are served in: English (the default bundle,
 * {@code messages.properties}) and one for every {@code messages_xx.properties} on the
 * class path, so that adding a language is adding its file. Each bundle names itself
 * ({@code language.name}) and the locale its numbers and dates are written in
 * ({@code language.locale}, e.g. {@code de-DE} for "10,00 €" and "18. Februar 2027").
 */
public final class Languages {

	/** The language of a reader whose language has no bundle. */
	public static final String DEFAULT = "en";

	private static final Map<String, Language> SUPPORTED = discover();

	private Languages() {
	}

	/** One language the service speaks. */
	public record Language(String code, String name, Locale locale) {
	}

	/** Every supported language, English first. */
	public static List<Language> all() {
		return List.copyOf(SUPPORTED.values());
	}

	/** The supported language with this code (e.g. {@code de}), if there is one. */
	public static Optional<Language> find(String code) {
		return (code != null && code.length() <= 8) ? Optional.ofNullable(SUPPORTED.get(code.toLowerCase(Locale.ROOT)))
				: Optional.empty();
	}

	/** Whether the service has words in this locale's language. */
	public static boolean supports(Locale locale) {
		return locale != null && SUPPORTED.containsKey(locale.getLanguage());
	}

	/**
	 * The locale a reader of this locale's language reads numbers and dates in; English's
	 * for a language the service does not speak.
	 */
	public static Locale formatting(Locale locale) {
		Language language = (locale != null) ? SUPPORTED.get(locale.getLanguage()) : null;
		return ((language != null) ? language : SUPPORTED.get(DEFAULT)).locale();
	}

	/**
	 * The locale of the request being served (its reader's language), English outside a
	 * request.
	 */
	public static Locale current() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = (context != null) ? context.getLocale() : null;
		return formatting(locale);
	}

	/**
	 * The best supported language for an {@code Accept-Language} header: its ranges by
	 * weight, the first one the service speaks. A missing, malformed or enormous header
	 * gives nothing, never an error.
	 */
	public static Optional<Language> fromAcceptLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 1000) {
			return Optional.empty();
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			// not a header a browser sends: nothing to learn from it
			return Optional.empty();
		}
		return ranges.stream()
			.filter((range) -> range.getWeight() > 0)
			.map((range) -> range.getRange().split("-", 2)[0])
			.map(SUPPORTED::get)
			.filter((language) -> language != null)
			.findFirst();
	}

	private static Map<String, Language> discover() {
		Map<String, Language> languages = new LinkedHashMap<>();
		languages.put(DEFAULT, read(DEFAULT, "/messages.properties"));
		List<String> codes = new ArrayList<>(Arrays.asList(Locale.getISOLanguages()));
		Collections.sort(codes);
		for (String code : codes) {
			if (!DEFAULT.equals(code) && Languages.class.getResource("/messages_" + code + ".properties") != null) {
				languages.put(code, read(code, "/messages_" + code + ".properties"));
			}
		}
		return Collections.unmodifiableMap(languages);
	}

	private static Language read(String code, String path) {
		Properties bundle = new Properties();
		try (InputStream in = Languages.class.getResourceAsStream(path)) {
			if (in != null) {
				bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		String tag = bundle.getProperty("language.locale", code);
		Locale locale = Locale.forLanguageTag(tag);
		if (!code.equals(locale.getLanguage())) {
			throw new IllegalStateException(path + ": language.locale " + tag + " is not a locale of " + code);
		}
		return new Language(code, bundle.getProperty("language.name", code), locale);
	}

}
