package org.supporters;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PHP command line, for tests of the WordPress plugin. Register it with
 * {@code @RegisterExtension static final Php php = new Php();}. Where there is no
 * {@code php} on the PATH the tests are skipped, unless {@code CI=true}, where they fail.
 */
public final class Php implements ExecutionCondition {

	/** The plugin, as it is shipped. */
	public static final Path PLUGIN = Path.of("integrations/wordpress/supporters-membership").toAbsolutePath();

	private static final String NO_PHP = "WordPress plugin tests need PHP 8.1+, and there is no 'php' on the PATH "
			+ "(install Debian's packages: apt-get install php-cli php-mysql php-curl php-xml php-mbstring)";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (find("php") == null) {
			if (isCi()) {
				return ConditionEvaluationResult.enabled("CI=true: fails below");
			}
			return ConditionEvaluationResult.disabled(NO_PHP + "; skipped (with CI=true they fail)");
		}
		return ConditionEvaluationResult.enabled("php is on the PATH");
	}

	/**
	 * Runs php with these arguments and gives its standard output; fails the test with
	 * its output when it exits with an error.
	 */
	public String run(Path workingDirectory, String... arguments) {
		if (find("php") == null) {
			Assertions.fail(NO_PHP + "; CI=true, so they fail instead of being skipped");
		}
		List<String> command = new ArrayList<>(List.of("php", "-d", "display_errors=stderr"));
		command.addAll(List.of(arguments));
		try {
			Path output = Files.createTempFile("php-", ".out");
			Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				Assertions.fail("php " + String.join(" ", arguments) + " did not finish in 2 minutes");
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			Files.delete(output);
			if (process.exitValue() != 0) {
				Assertions.fail(
						"php " + String.join(" ", arguments) + " exited with " + process.exitValue() + ":\n" + printed);
			}
			return printed;
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run php", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	static boolean isCi() {
		return "true".equals(System.getenv("CI"));
	}

	static Path find(String command) {
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
