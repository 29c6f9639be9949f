package org.supporters.site;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.supporters.platform.Publication;
import org.supporters.platform.PublicationNames;
import org.supporters.staff.AuditLog;

/**
 * The publication's look as pages and mails use it. It is one small row, read from
 * PostgreSQL at most once per request (pages ask for it in their head, header and
 * footer), so every instance shows a change at once.
 */
@Service
public class Branding implements PublicationNames {

	private static final String REQUEST_ATTRIBUTE = Branding.class.getName() + ".brand";

	private final BrandRepository repository;

	private final Publication publication;

	private final AuditLog audit;

	private final Clock clock;

	Branding(BrandRepository repository, Publication publication, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.publication = publication;
		this.audit = audit;
		this.clock = clock;
	}

	/** The brand now: what admins set, the name defaulting to the setting. */
	public Brand current() {
		StoredBrand stored = stored();
		return new Brand((stored.name() != null) ? stored.name() : this.publication.settingName(), stored.accent(),
				stored.homeUrl(), stored.privacyUrl(), stored.termsUrl(), stored.contactUrl(), stored.supportHeadline(),
				stored.supportText(),
				(stored.logoHash() != null) ? "/brand/logo/" + stored.logoHash() + "."
						+ LogoType.fromMediaType(stored.logoType()).extension() : null,
				(stored.accent() != null) ? ThemeController.path(stored.accent()) : null);
	}

	@Override
	public Optional<String> publicationName() {
		return Optional.ofNullable(stored().name());
	}

	/** As stored, for the admin's form. */
	StoredBrand stored() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(REQUEST_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof StoredBrand cached) {
			return cached;
		}
		StoredBrand stored;
		try {
			stored = this.repository.find().orElse(StoredBrand.NOTHING);
		}
		catch (DataAccessException | org.jooq.exception.DataAccessException ex) {
			// the page saying the database is away must still render: neutral, asked once
			stored = StoredBrand.NOTHING;
		}
		if (request != null) {
			request.setAttribute(REQUEST_ATTRIBUTE, stored, RequestAttributes.SCOPE_REQUEST);
		}
		return stored;
	}

	Optional<Logo> logo(String hash) {
		return this.repository.logo(hash);
	}

	/**
	 * Stores a valid form, with a new logo, without one ({@code form.removesLogo()}), or
	 * keeping the current one; audited in the same transaction.
	 */
	@Transactional
	public void save(SiteForm form, Logo newLogo) {
		StoredBrand before = this.repository.find().orElse(StoredBrand.NOTHING);
		String logo;
		StoredBrand brand;
		if (newLogo != null) {
			brand = form.brand(newLogo.hash(), newLogo.type().mediaType());
			logo = "replaced " + newLogo.hash();
		}
		else if (form.removesLogo()) {
			brand = form.brand(null, null);
			logo = (before.logoHash() != null) ? "removed" : "none";
		}
		else {
			brand = form.brand(before.logoHash(), before.logoType());
			logo = (before.logoHash() != null) ? "kept" : "none";
		}
		this.repository.save(brand, newLogo, this.clock.instant());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", brand.name());
		details.put("accent", brand.accent());
		details.put("homeUrl", brand.homeUrl());
		details.put("privacyUrl", brand.privacyUrl());
		details.put("termsUrl", brand.termsUrl());
		details.put("contactUrl", brand.contactUrl());
		details.put("supportHeadline", brand.supportHeadline());
		details.put("supportTextLength", (brand.supportText() != null) ? brand.supportText().length() : 0);
		details.put("logo", logo);
		this.audit.record("site.update", "site", details);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
