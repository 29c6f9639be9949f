package org.supporters.site;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brand's logo and accent colour, served by the service. Each address holds what it
 * serves (the logo's content hash, the colour itself), so answers are cached for a year:
 * a change is a new address. The colour comes as a stylesheet because the pages' CSP
 * allows no inline styles.
 */
@RestController
class ThemeController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final Pattern COLOUR = Pattern.compile("[0-9a-f]{6}");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");

	private final Branding branding;

	ThemeController(Branding branding) {
		this.branding = branding;
	}

	/** The stylesheet's address for a colour such as {@code #0b4f8a}. */
	static String path(String accent) {
		return "/brand/theme/" + accent.substring(1) + ".css";
	}

	@GetMapping("/brand/theme/{colour}.css")
	ResponseEntity<String> theme(@PathVariable String colour) {
		if (!COLOUR.matcher(colour).matches()) {
			return notFound();
		}
		return ResponseEntity.ok()
			.cacheControl(FOREVER)
			.contentType(new MediaType("text", "css"))
			.body(":root { --accent: #" + colour + "; }\n");
	}

	@GetMapping("/brand/logo/{hash}.{extension}")
	ResponseEntity<byte[]> logo(@PathVariable String hash, @PathVariable String extension) {
		if (!HASH.matcher(hash).matches()) {
			return notFound();
		}
		return this.branding.logo(hash)
			.filter((logo) -> logo.type().extension().equals(extension))
			.map((logo) -> ResponseEntity.ok()
				.cacheControl(FOREVER)
				.contentType(MediaType.parseMediaType(logo.type().mediaType()))
				// an SVG opened on its own runs nothing and loads nothing
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
				.body(logo.bytes()))
			.orElseGet(ThemeController::notFound);
	}

	private static <T> ResponseEntity<T> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
	}

}
