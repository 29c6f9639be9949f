package org.supporters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first run, as a separate process with nothing set: the embedded
 * PostgreSQL, the sandbox, no staff yet. The banner says where everything is and how to
 * make the first admin, and {@code --create-admin} makes it.
 */
class FirstRunTests {

	private static final String PASSWORD = "first admin's long password";

	@TempDir
	Path temp;

	@Test
	void firstRunShowsTheBannerAndCreateAdminMakesTheFirstAdminOnTheEmbeddedDefault() throws Exception {
		Process service = start(Map.of());
		List<String> log = new ArrayList<>();
		String banner;
		try {
			banner = readBanner(service, log);
		}
		finally {
			service.destroy();
			service.waitFor(60, TimeUnit.SECONDS);
		}
		Matcher ready = Pattern.compile("Supporters is ready at (http://localhost:\\d+)").matcher(banner);
		assertThat(ready.find()).as(banner).isTrue();
		String url = ready.group(1);
		assertThat(url).isNotEqualTo("http://localhost:0");
		for (String face : List.of("Support page /support", "Staff /staff", "Demo article /demo/article",
				"Mailbox /dev/mailbox")) {
			int path = face.lastIndexOf(' ');
			assertThat(banner).containsPattern(
					Pattern.quote(face.substring(0, path)) + " +" + Pattern.quote(url + face.substring(path + 1)));
		}
		assertThat(banner).contains("sandbox, offline test mode: no money moves",
				"embedded PostgreSQL in " + this.temp.resolve("var").resolve("postgres"),
				"closed: set SUPPORTERS_METRICS_TOKEN", "No staff user yet", "--create-admin=you@example.com",
				"SUPPORTERS_ADMIN_EMAIL and SUPPORTERS_ADMIN_PASSWORD");
		assertThat(String.join("\n", log)).as("no misleading password, no library's logo or advice")
			.doesNotContain("generated security password", "jOOQ", "tip of the day", "Unable to initialize");

		Command created = run(Map.of("SUPPORTERS_ADMIN_PASSWORD", PASSWORD), "--create-admin=first-admin@example.org");
		assertThat(created.exitCode()).as(created.output()).isZero();
		assertThat(created.output()).contains("Created staff admin first-admin@example.org").doesNotContain(PASSWORD);

		Command again = run(Map.of("SUPPORTERS_ADMIN_PASSWORD", PASSWORD), "--create-admin=first-admin@example.org");
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.output()).contains("first-admin@example.org is already a staff user: nothing changed.");
	}

	@Test
	void createAdminWithoutATerminalOrAPasswordSaysHowToGiveIt() throws Exception {
		Command command = run(Map.of(), "--create-admin=someone@example.org");

		assertThat(command.exitCode()).isEqualTo(2);
		assertThat(command.output()).contains("set SUPPORTERS_ADMIN_PASSWORD");
	}

	private Process start(Map<String, String> environment, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-cp", System.getProperty("java.class.path"), SupportersApplication.class.getName(),
						"--server.port=0", "--supporters.data-dir=" + this.temp.resolve("var")));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// a newcomer's machine: none of the service's settings
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("SUPPORTERS_") || name.startsWith("SPRING_")
					|| name.startsWith("STRIPE_") || name.equals("SERVER_PORT"));
		builder.environment().putAll(environment);
		return builder.start();
	}

	private Command run(Map<String, String> environment, String... arguments) throws Exception {
		Process process = start(environment, arguments);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Command(process.exitValue(), output);
	}

	/** The log up to the end of the banner (its last line names the admin variables). */
	private static String readBanner(Process service, List<String> log) throws IOException {
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder banner = null;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			log.add(line);
			if (line.contains("Supporters is ready at")) {
				banner = new StringBuilder();
			}
			if (banner != null) {
				banner.append(line).append('\n');
				if (line.contains("SUPPORTERS_ADMIN_PASSWORD set")) {
					return banner.toString();
				}
			}
		}
		throw new AssertionError("The service ended without its banner:\n" + String.join("\n", log));
	}

	record Command(int exitCode, String output) {
	}

}
