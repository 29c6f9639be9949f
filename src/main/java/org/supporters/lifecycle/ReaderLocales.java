package org.supporters.lifecycle;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.platform.ReaderErased;

/**
 * The language each reader pledged in (their browser's choice), so that their mails speak
 * it when the service has words for it (a {@code messages_xx.properties} bundle), and
 * British English otherwise.
 */
@Service
public class ReaderLocales {

	/** The words and formats of a reader whose language has no bundle. */
	static final Locale FALLBACK = Locale.UK;

	private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

	private final LifecycleRepository repository;

	private final Clock clock;

	ReaderLocales(LifecycleRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Remembers the language of the reader with this email: the first their browser asks
	 * for in its {@code Accept-Language} header. A missing or unreadable header keeps
	 * what was known.
	 */
	@Transactional
	public void remember(String email, String acceptLanguage) {
		firstLanguage(acceptLanguage)
			.ifPresent((tag) -> this.repository.rememberLocale(email, tag, this.clock.instant()));
	}

	static Optional<String> firstLanguage(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
			return Optional.empty();
		}
		try {
			return Locale.LanguageRange.parse(acceptLanguage)
				.stream()
				.map(Locale.LanguageRange::getRange)
				.filter((range) -> !range.contains("*"))
				.map((range) -> Locale.forLanguageTag(range).toLanguageTag())
				.filter((tag) -> tag.length() <= 35 && LANGUAGE_TAG.matcher(tag).matches() && !"und".equals(tag))
				.findFirst();
		}
		catch (IllegalArgumentException ex) {
			// not a header a browser sends: nothing to learn from it
			return Optional.empty();
		}
	}

	/** The locale the reader's mails are written in. */
	Locale mailLocale(String email) {
		return this.repository.locale(email)
			.map(Locale::forLanguageTag)
			.filter(ReaderLocales::hasWords)
			.orElse(FALLBACK);
	}

	/**
	 * Whether the service has words in this locale's language (English is the default
	 * bundle).
	 */
	static boolean hasWords(Locale locale) {
		String language = locale.getLanguage();
		return "en".equals(language) || (!language.isEmpty()
				&& ReaderLocales.class.getResource("/messages_" + language + ".properties") != null);
	}

	@EventListener
	void on(ReaderErased erased) {
		this.repository.forgetLocale(erased.email());
	}

}
