package org.supporters.platform;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a reader page's language switch ({@code @languageSwitch} in templates):
 * this page again in each other language the service speaks ({@code ?lang=}, which the
 * reader's browser then remembers). None on staff pages, which stay English.
 */
@Component("languageSwitch")
public class LanguageSwitch {

	/** A link to this page in another language. */
	public record Choice(String code, String name, String href) {
	}

	public List<Choice> choices() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return List.of();
		}
		HttpServletRequest request = servlet.getRequest();
		if (ReaderLanguage.staff(request)) {
			return List.of();
		}
		// only the query: the link is relative to the page's own address, which it need
		// not repeat (nor the address of a page shown for an error)
		boolean failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
		String query = (failed || !"GET".equals(request.getMethod())) ? null : request.getQueryString();
		String current = Languages.current().getLanguage();
		return Languages.all()
			.stream()
			.filter((language) -> !language.code().equals(current))
			.map((language) -> new Choice(language.code(), language.name(),
					UriComponentsBuilder.newInstance()
						.query(query)
						.replaceQueryParam(ReaderLanguage.PARAMETER, language.code())
						.build()
						.toUriString()))
			.toList();
	}

	/** The language of the page being written, for {@code <html lang>}. */
	public String current() {
		return Languages.current().getLanguage();
	}

}
