package org.supporters.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.supporters.platform.Languages.Language;

/**
 * The language a page is written in: the reader's explicit choice ({@code ?lang=de} on
 * any page, remembered in a cookie), else the first language of their browser's
 * {@code Accept-Language} the service speaks, else English. Only supported languages are
 * taken; anything else (malformed, enormous, unknown) is English, never an error. Staff
 * pages stay English.
 */
@Configuration(proxyBeanMethods = false)
class ReaderLanguage implements WebMvcConfigurer {

	/** The query parameter that switches language. */
	static final String PARAMETER = "lang";

	/** The cookie that remembers an explicit choice. */
	static final String COOKIE = "supporters_lang";

	private static final Duration REMEMBERED = Duration.ofDays(365);

	private static final String CHOSEN = ReaderLanguage.class.getName() + ".chosen";

	private final Resolver resolver;

	ReaderLanguage(SupportersProperties properties) {
		this.resolver = new Resolver(properties);
	}

	/** Spring MVC's locale for every page, message and format of a request. */
	@Bean
	LocaleResolver localeResolver() {
		return this.resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String asked = request.getParameter(PARAMETER);
				if (asked != null) {
					Languages.find(asked)
						.ifPresent((language) -> ReaderLanguage.this.resolver.setLocale(request, response,
								language.locale()));
				}
				return true;
			}
		});
	}

	static final class Resolver implements LocaleResolver {

		private final SupportersProperties properties;

		Resolver(SupportersProperties properties) {
			this.properties = properties;
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (staff(request)) {
				return Languages.formatting(null);
			}
			Object chosen = request.getAttribute(CHOSEN);
			if (chosen instanceof Locale locale) {
				return locale;
			}
			return fromCookie(request)
				.or(() -> Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
				.or(() -> Languages.find(Languages.DEFAULT))
				.map(Language::locale)
				.orElseThrow();
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Optional<Language> language = Optional.ofNullable(locale).map(Locale::getLanguage).flatMap(Languages::find);
			if (language.isEmpty() || response == null) {
				return;
			}
			request.setAttribute(CHOSEN, language.get().locale());
			ResponseCookie cookie = ResponseCookie.from(COOKIE, language.get().code())
				.path("/")
				.httpOnly(true)
				.secure(request.isSecure() || this.properties.secureCookies())
				.sameSite("Lax")
				.maxAge(REMEMBERED)
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}

		private static Optional<Language> fromCookie(HttpServletRequest request) {
			Cookie[] cookies = request.getCookies();
			if (cookies != null) {
				for (Cookie cookie : cookies) {
					if (COOKIE.equals(cookie.getName())) {
						return Languages.find(cookie.getValue());
					}
				}
			}
			return Optional.empty();
		}

	}

	/** Whether this request is for a staff page, which stays English. */
	static boolean staff(HttpServletRequest request) {
		String path = request.getRequestURI();
		String context = request.getContextPath();
		if (path == null) {
			return false;
		}
		path = path.substring(Math.min(context.length(), path.length()));
		return path.equals("/staff") || path.startsWith("/staff/");
	}

}
