package org.supporters;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium, driven by Playwright, for browser tests. Register it in a test class
 * with {@code @RegisterExtension static final Browser browser = new Browser();} and open
 * a fresh context in each test with {@link #desktop()} or {@link #phone()}; contexts are
 * closed after each test. One Chromium serves every browser test class of the run (a
 * launch costs seconds) and closes when the run ends.
 * <p>
 * Playwright never downloads a browser here: it runs the {@code chromium} found on the
 * {@code PATH}. Where there is none, the tests are skipped, unless {@code CI=true}, where
 * they fail.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterEachCallback {

	/** Width of {@link #phone()}'s viewport, in CSS pixels. */
	public static final int PHONE_WIDTH = 390;

	/** Height of {@link #phone()}'s viewport, in CSS pixels. */
	public static final int PHONE_HEIGHT = 844;

	private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--no-first-run");

	private static final String NO_CHROMIUM = "Browser tests need Chromium, and there is no 'chromium' on the PATH "
			+ "(install Debian's package: apt-get install chromium)";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

	private final List<BrowserContext> contexts = new ArrayList<>();

	private com.microsoft.playwright.Browser chromium;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (findOnPath("chromium") == null && !isCi()) {
			return ConditionEvaluationResult.disabled(NO_CHROMIUM + "; skipped (with CI=true they fail)");
		}
		return ConditionEvaluationResult.enabled("Chromium is on the PATH, or CI=true");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Path executable = findOnPath("chromium");
		if (executable == null) {
			Assertions.fail(NO_CHROMIUM + "; CI=true, so they fail instead of being skipped");
		}
		this.chromium = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Chromium.class, (key) -> Chromium.launch(executable), Chromium.class)
			.browser();
	}

	/**
	 * A fresh context with Playwright's default desktop viewport (1280x720).
	 * @return the new context, closed after the test
	 */
	public BrowserContext desktop() {
		return context(new NewContextOptions());
	}

	/**
	 * A fresh context that looks like a phone to the page: 390x844 CSS pixels, touch, and
	 * the page's meta viewport honoured.
	 * @return the new context, closed after the test
	 */
	public BrowserContext phone() {
		NewContextOptions options = new NewContextOptions().setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
			.setDeviceScaleFactor(3)
			.setIsMobile(true)
			.setHasTouch(true);
		return context(options);
	}

	/**
	 * A fresh context with the given options.
	 * @param options the context options
	 * @return the new context, closed after the test
	 */
	public BrowserContext context(NewContextOptions options) {
		BrowserContext context = this.chromium.newContext(options);
		this.contexts.add(context);
		return context;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.contexts.forEach(BrowserContext::close);
		this.contexts.clear();
	}

	/** The run's one Chromium; JUnit closes it with the root context's store. */
	private record Chromium(Playwright playwright, com.microsoft.playwright.Browser browser) implements AutoCloseable {

		static Chromium launch(Path executable) {
			Playwright playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			return new Chromium(playwright,
					playwright.chromium()
						.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
							.setHeadless(true)
							.setArgs(CHROMIUM_ARGS)));
		}

		@Override
		public void close() {
			// closes the browser too
			this.playwright.close();
		}

	}

	private static boolean isCi() {
		return "true".equals(System.getenv("CI"));
	}

	private static Path findOnPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty()) {
				Path candidate = Path.of(directory, command);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

}
