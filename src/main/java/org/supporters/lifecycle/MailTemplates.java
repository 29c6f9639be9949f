package org.supporters.lifecycle;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.supporters.platform.Publication;
import org.supporters.platform.SupportersProperties;
import org.supporters.site.Brand;
import org.supporters.site.Branding;

/**
 * Lays a mail out twice from the templates in {@code templates/mail/}: as HTML and as
 * plain text, in the reader's locale, with the words of the message bundles. An engine of
 * its own, as the pages' engine knows only HTML.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	/** The mails' colour while the publication has none of its own. */
	private static final String NEUTRAL_ACCENT = "#1d4e89";

	private final Publication publication;

	private final Branding branding;

	private final String publicUrl;

	private final String accountUrl;

	MailTemplates(MessageSource messages, Publication publication, Branding branding, SupportersProperties properties) {
		this.publication = publication;
		this.branding = branding;
		this.publicUrl = properties.publicUri().toString();
		this.accountUrl = properties.publicUri() + "/account";
		this.engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
		this.engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
		this.engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	Rendered render(MailContent content, Locale locale) {
		Brand brand = this.branding.current();
		Map<String, Object> variables = new HashMap<>(Map.of("mail", content, "publication", this.publication.name(),
				"accountUrl", this.accountUrl, "language", locale.toLanguageTag(), "brand", brand, "accent",
				(brand.accent() != null) ? brand.accent() : NEUTRAL_ACCENT));
		if (brand.logoPath() != null) {
			variables.put("logoUrl", this.publicUrl + brand.logoPath());
		}
		Context context = new Context(locale, variables);
		return new Rendered(this.engine.process("lifecycle.txt", context),
				this.engine.process("lifecycle.html", context));
	}

	/** A mail laid out: its plain-text part and its HTML part. */
	record Rendered(String text, String html) {
	}

}
