package org.supporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * axe-core (from npm, {@code src/test/axe}: {@code npm ci --prefix src/test/axe})
 * injected into a page, and what it finds there, page by page. Every rule axe runs by
 * default counts, whatever its impact; a page wider than the window counts too
 * ({@value #OVERFLOW}), since a phone then scrolls the whole page sideways.
 */
public final class Axe {

	/** The pseudo-rule for a page wider than its window. */
	public static final String OVERFLOW = "page-overflow";

	/** The pseudo-rule for a focus ring under 3:1 against its background. */
	public static final String FOCUS_CONTRAST = "focus-ring-contrast";

	private static final int FOCUS_STOPS = 15;

	/**
	 * The focused element and its outline's contrast with the first opaque background
	 * behind it (the outline is drawn outside the element); 0 without an outline.
	 */
	private static final String FOCUS_RING = """
			() => {
				const e = document.activeElement;
				if (!e || e === document.body) {
					return null;
				}
				const parse = (c) => {
					const m = c.match(/[\\d.]+/g).map(Number);
					return { r: m[0], g: m[1], b: m[2], a: (m.length > 3) ? m[3] : 1 };
				};
				const channel = (v) => { v /= 255; return (v <= 0.03928) ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
				const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
				let background = { r: 255, g: 255, b: 255, a: 1 };
				for (let p = e.parentElement; p; p = p.parentElement) {
					const c = parse(getComputedStyle(p).backgroundColor);
					if (c.a > 0) { background = c; break; }
				}
				const style = getComputedStyle(e);
				const element = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
					+ ' "' + (e.textContent || e.name || '').trim().slice(0, 30) + '"';
				if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) {
					return { element: element, ratio: 0 };
				}
				const a = luminance(parse(style.outlineColor));
				const b = luminance(background);
				return { element: element, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
			}""";

	/**
	 * The innermost elements reaching past the window's right edge, unless a scrolling
	 * box that fits clips them.
	 */
	private static final String STICKING_OUT = """
			(width) => {
				const out = (e) => e.getBoundingClientRect().right > width + 1;
				const clipped = (e) => {
					for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
						if (getComputedStyle(p).overflowX !== 'visible' && !out(p)) {
							return true;
						}
					}
					return false;
				};
				const sticksOut = (e) => out(e) && !clipped(e);
				return [...document.body.querySelectorAll('*')]
					.filter((e) => sticksOut(e) && ![...e.children].some(sticksOut))
					.slice(0, 5)
					.map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						+ ((typeof e.className === 'string' && e.className) ? '.' + e.className.split(' ').join('.') : '')
						+ ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
			}""";

	private static final Path SCRIPT = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

	private final String script;

	private final Map<String, List<Violation>> found = new LinkedHashMap<>();

	public Axe() {
		if (!Files.isRegularFile(SCRIPT)) {
			String missing = "axe-core is not installed: run npm ci --prefix src/test/axe (.ci/run does)";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(missing + "; CI=true, so the test fails instead of being skipped");
			}
			Assumptions.abort(missing + "; skipped (with CI=true it fails)");
		}
		try {
			this.script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks the page as it is now and remembers what was found under its name and width.
	 * @param name the page's name in the report
	 * @param page the page, loaded
	 */
	public void check(String name, Page page) {
		page.waitForLoadState();
		if (!Boolean.TRUE.equals(page.evaluate("typeof axe !== 'undefined'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(this.script));
		}
		List<Violation> violations = new ArrayList<>();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> results = (List<Map<String, Object>>) page.evaluate("""
				async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({
					id: v.id, impact: v.impact || 'none', help: v.help,
					targets: v.nodes.map((n) => n.target.join(' '))
				}))""");
		for (Map<String, Object> result : results) {
			@SuppressWarnings("unchecked")
			List<String> targets = (List<String>) result.get("targets");
			violations.add(new Violation((String) result.get("id"), (String) result.get("impact"),
					(String) result.get("help"), targets));
		}
		// a phone's browser widens its layout to a page that is too wide (innerWidth
		// grows with it): the window's own width is what the page must fit
		int window = page.viewportSize().width;
		int scroll = ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
		if (scroll > window) {
			// the innermost elements reaching past the window, to say what to fix
			@SuppressWarnings("unchecked")
			List<String> wide = (List<String>) page.evaluate(STICKING_OUT, window);
			violations.add(new Violation(OVERFLOW, "serious",
					"the page is " + (scroll - window) + " px wider than the window (" + window + " px)", wide));
		}
		violations.addAll(focusRings(page));
		this.found.put(name + " @ " + window + " px", violations);
	}

	/**
	 * Tabs through the page's first controls: each must show a focus ring with 3:1 or
	 * more against the background around it (WCAG 1.4.11), which axe does not check.
	 */
	private static List<Violation> focusRings(Page page) {
		Map<String, Violation> weak = new LinkedHashMap<>();
		for (int i = 0; i < FOCUS_STOPS; i++) {
			page.keyboard().press("Tab");
			@SuppressWarnings("unchecked")
			Map<String, Object> ring = (Map<String, Object>) page.evaluate(FOCUS_RING);
			if (ring == null) {
				break;
			}
			double ratio = ((Number) ring.get("ratio")).doubleValue();
			String element = (String) ring.get("element");
			if (ratio < 3) {
				weak.putIfAbsent(element,
						new Violation(FOCUS_CONTRAST, "serious",
								"the focus ring has %.1f:1 against its background (3:1 needed)".formatted(ratio),
								List.of(element)));
			}
		}
		return new ArrayList<>(weak.values());
	}

	/** Whether any page had a violation. */
	public boolean clean() {
		return this.found.values().stream().allMatch(List::isEmpty);
	}

	/** Every violation with its elements, page by page, for a failing test's message. */
	public String details() {
		StringBuilder out = new StringBuilder();
		this.found.forEach((page,
				violations) -> violations.forEach((v) -> out.append(page)
					.append(": ")
					.append(v.id())
					.append(" (")
					.append(v.impact())
					.append(") ")
					.append(v.help())
					.append(v.targets().isEmpty() ? "" : " at " + String.join(", ", v.targets()))
					.append('\n')));
		return out.toString();
	}

	/**
	 * Writes a Markdown table: page, width, and the violations by rule id and impact
	 * (with the number of elements).
	 * @param file where to write it
	 */
	public void writeTable(Path file) {
		StringBuilder out = new StringBuilder(
				"| Page | Width | Violations (rule, impact, elements) |\n|---|---|---|\n");
		this.found.forEach((key, violations) -> {
			int at = key.lastIndexOf(" @ ");
			Map<String, Integer> byRule = new TreeMap<>();
			violations.forEach((v) -> byRule.merge(v.id() + " (" + v.impact() + ")", Math.max(1, v.targets().size()),
					Integer::sum));
			String text = byRule.isEmpty() ? "none"
					: byRule.entrySet()
						.stream()
						.map((rule) -> rule.getKey() + " ×" + rule.getValue())
						.collect(Collectors.joining(", "));
			out.append("| ")
				.append(key, 0, at)
				.append(" | ")
				.append(key.substring(at + 3))
				.append(" | ")
				.append(text)
				.append(" |\n");
		});
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One rule broken on a page, and where. */
	public record Violation(String id, String impact, String help, List<String> targets) {
	}

}
