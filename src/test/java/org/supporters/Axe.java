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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (from npm, {@code src/test/axe}: {@code npm ci --prefix src/test/axe})
 * injected into a page, and what it finds there, page by page. Every rule axe runs by
 * default counts, whatever its impact; a page wider than the window counts too
 * ({@value #OVERFLOW}), since a phone then scrolls the whole page sideways.
 */
public final class Axe {

	/** The pseudo-rule for a page wider than its window. */
	public static final String OVERFLOW = "page-overflow";

	private static final Path SCRIPT = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

	private final String script;

	private final Map<String, List<Violation>> found = new LinkedHashMap<>();

	public Axe() {
		assertThat(SCRIPT).as("axe-core from npm: run npm ci --prefix src/test/axe").isRegularFile();
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
			List<String> wide = (List<String>) page.evaluate(
					"""
							(width) => [...document.body.querySelectorAll('*')]
								.filter((e) => e.getBoundingClientRect().right > width + 1
									&& ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1))
								.slice(0, 5)
								.map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
									+ (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : '')
									+ ' (' + Math.round(e.getBoundingClientRect().right) + ' px)')""",
					window);
			violations.add(new Violation(OVERFLOW, "serious",
					"the page is " + (scroll - window) + " px wider than the window (" + window + " px)", wide));
		}
		this.found.put(name + " @ " + window + " px", violations);
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
