package org.supporters.pledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What brought a reader to the support page: the ask and variant they clicked, the
 * article it was on, and the {@code utm_*} parameters and referrer of the page's address.
 * Anything malformed is dropped, never an error: it is the reader's page, not a form they
 * typed.
 *
 * @param article an address of the site (checked against the allowed origins)
 * @param referrer the page that linked here, without its query
 */
record Attribution(UUID ask, String variant, String article, String utmSource, String utmMedium, String utmCampaign,
		String utmTerm, String utmContent, String referrer) {

	static final Attribution NONE = new Attribution(null, null, null, null, null, null, null, null, null);

	private static final Pattern VARIANT = Pattern.compile("[a-e]");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Printable text without controls, at most 100 characters. */
	private static final Pattern CAMPAIGN = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}]{1,100}");

	/**
	 * From the support page's parameters ({@code ask}, {@code variant}, {@code article},
	 * {@code utm_*}, {@code referrer}) or, for the first visit, its Referer header.
	 * @param siteAddress keeps only addresses of the site or the service
	 */
	static Attribution from(Map<String, String> parameters, String refererHeader,
			Function<String, String> siteAddress) {
		String askText = parameters.get("ask");
		String variant = parameters.get("variant");
		UUID ask = null;
		if (askText != null && UUID_TEXT.matcher(askText).matches() && variant != null
				&& VARIANT.matcher(variant).matches()) {
			ask = UUID.fromString(askText);
		}
		else {
			variant = null;
		}
		String article = parameters.get("article");
		String referrer = parameters.containsKey("referrer") ? parameters.get("referrer") : refererHeader;
		return new Attribution(ask, variant, (article != null) ? withoutQuery(siteAddress.apply(article), 2000) : null,
				campaign(parameters.get("utm_source")), campaign(parameters.get("utm_medium")),
				campaign(parameters.get("utm_campaign")), campaign(parameters.get("utm_term")),
				campaign(parameters.get("utm_content")), withoutQuery(referrer, 500));
	}

	/** The same without the ask: one that does not exist brought nobody. */
	Attribution withoutAsk() {
		return new Attribution(null, null, this.article, this.utmSource, this.utmMedium, this.utmCampaign, this.utmTerm,
				this.utmContent, this.referrer);
	}

	/** The parameters the support form carries on to the checkout. */
	Map<String, String> parameters() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "ask", (this.ask != null) ? this.ask.toString() : null);
		put(fields, "variant", this.variant);
		put(fields, "article", this.article);
		put(fields, "utm_source", this.utmSource);
		put(fields, "utm_medium", this.utmMedium);
		put(fields, "utm_campaign", this.utmCampaign);
		put(fields, "utm_term", this.utmTerm);
		put(fields, "utm_content", this.utmContent);
		put(fields, "referrer", this.referrer);
		return fields;
	}

	private static void put(Map<String, String> fields, String name, String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static String campaign(String value) {
		return (value != null && CAMPAIGN.matcher(value.strip()).matches()) ? value.strip() : null;
	}

	/** An http(s) address without query or fragment (they may carry a reader's data). */
	private static String withoutQuery(String address, int maxLength) {
		if (address == null || address.length() > 2000) {
			return null;
		}
		try {
			URI uri = new URI(address);
			if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				return null;
			}
			String kept = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
				.toString();
			return (kept.length() <= maxLength) ? kept : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
