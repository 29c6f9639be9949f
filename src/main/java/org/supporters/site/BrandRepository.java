package org.supporters.site;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.generated.Tables.SITE_BRAND;

/** The one row of {@code site_brand}. */
@Repository
class BrandRepository {

	private final DSLContext db;

	BrandRepository(DSLContext db) {
		this.db = db;
	}

	/** The brand without the logo's bytes, or nothing when no admin has saved it yet. */
	Optional<StoredBrand> find() {
		return this.db
			.select(SITE_BRAND.NAME, SITE_BRAND.ACCENT, SITE_BRAND.HOME_URL, SITE_BRAND.PRIVACY_URL,
					SITE_BRAND.TERMS_URL, SITE_BRAND.CONTACT_URL, SITE_BRAND.SUPPORT_HEADLINE, SITE_BRAND.SUPPORT_TEXT,
					SITE_BRAND.LOGO_HASH, SITE_BRAND.LOGO_TYPE)
			.from(SITE_BRAND)
			.fetchOptional((row) -> new StoredBrand(row.value1(), row.value2(), row.value3(), row.value4(),
					row.value5(), row.value6(), row.value7(), row.value8(), row.value9(), row.value10()));
	}

	/** The logo with this hash, while it is the current one. */
	Optional<Logo> logo(String hash) {
		return this.db.select(SITE_BRAND.LOGO, SITE_BRAND.LOGO_TYPE)
			.from(SITE_BRAND)
			.where(SITE_BRAND.LOGO_HASH.eq(hash))
			.fetchOptional((row) -> new Logo(row.value1(), LogoType.fromMediaType(row.value2())));
	}

	/**
	 * Stores the brand; the logo's bytes change only when {@code newLogo} is given, or go
	 * when the brand names no logo.
	 */
	void save(StoredBrand brand, Logo newLogo, Instant now) {
		var insert = this.db.insertInto(SITE_BRAND)
			.set(SITE_BRAND.ID, true)
			.set(SITE_BRAND.NAME, brand.name())
			.set(SITE_BRAND.ACCENT, brand.accent())
			.set(SITE_BRAND.HOME_URL, brand.homeUrl())
			.set(SITE_BRAND.PRIVACY_URL, brand.privacyUrl())
			.set(SITE_BRAND.TERMS_URL, brand.termsUrl())
			.set(SITE_BRAND.CONTACT_URL, brand.contactUrl())
			.set(SITE_BRAND.SUPPORT_HEADLINE, brand.supportHeadline())
			.set(SITE_BRAND.SUPPORT_TEXT, brand.supportText())
			.set(SITE_BRAND.LOGO, (newLogo != null) ? newLogo.bytes() : null)
			.set(SITE_BRAND.LOGO_TYPE, brand.logoType())
			.set(SITE_BRAND.LOGO_HASH, brand.logoHash())
			.set(SITE_BRAND.UPDATED_AT, now);
		var update = insert.onConflict(SITE_BRAND.ID)
			.doUpdate()
			.set(SITE_BRAND.NAME, brand.name())
			.set(SITE_BRAND.ACCENT, brand.accent())
			.set(SITE_BRAND.HOME_URL, brand.homeUrl())
			.set(SITE_BRAND.PRIVACY_URL, brand.privacyUrl())
			.set(SITE_BRAND.TERMS_URL, brand.termsUrl())
			.set(SITE_BRAND.CONTACT_URL, brand.contactUrl())
			.set(SITE_BRAND.SUPPORT_HEADLINE, brand.supportHeadline())
			.set(SITE_BRAND.SUPPORT_TEXT, brand.supportText())
			.set(SITE_BRAND.LOGO_TYPE, brand.logoType())
			.set(SITE_BRAND.LOGO_HASH, brand.logoHash())
			.set(SITE_BRAND.UPDATED_AT, now);
		if (newLogo != null || brand.logoHash() == null) {
			update.set(SITE_BRAND.LOGO, (newLogo != null) ? newLogo.bytes() : null).execute();
		}
		else {
			update.execute();
		}
	}

}
