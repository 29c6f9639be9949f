package org.supporters.lifecycle;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.platform.Languages;
import org.supporters.platform.ReaderErased;

/**
 * The language each reader pledged in (their browser's choice), so that their mails speak
 * it when the service has words for it (a {@code messages_xx.properties} bundle, see
 * {@link Languages}), and English otherwise.
 */
@Service
public class ReaderLocales {

	/** The words and formats of a reader whose language has no bundle. */
	static final Locale FALLBACK = Languages.formatting(null);

	private final LifecycleRepository repository;

	private final Clock clock;

	ReaderLocales(LifecycleRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Remembers the language the reader with this email pledged in: the one their pages
	 * were written in (their explicit choice, else their browser's).
	 */
	@Transactional
	public void remember(String email, Locale locale) {
		if (Languages.supports(locale)) {
			this.repository.rememberLocale(email, locale.toLanguageTag(), this.clock.instant());
		}
	}

	/** The locale the reader's mails are written in. */
	Locale mailLocale(String email) {
		return this.repository.locale(email)
			.map(Locale::forLanguageTag)
			.filter(Languages::supports)
			.map(Languages::formatting)
			.orElse(FALLBACK);
	}

	@EventListener
	void on(ReaderErased erased) {
		this.repository.forgetLocale(erased.email());
	}

}
