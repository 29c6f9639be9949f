package org.supporters.platform;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.supporters.SupportersApplication;
import org.supporters.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad configuration ends start-up with a message saying what to fix, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	@TempDir
	Path temp;

	@Test
	void unreachableDatabaseUrlIsNamed(CapturedOutput output) {
		assertStartFails("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/supporters");

		assertThat(output)
			.contains(
					"Cannot connect to the database at SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:1/supporters")
			.contains("unset SPRING_DATASOURCE_URL to use the embedded PostgreSQL");
		assertNoStackTrace(output);
	}

	@Test
	void unwritableDataDirectoryIsNamed(CapturedOutput output) throws Exception {
		Path file = Files.writeString(this.temp.resolve("plain-file"), "x");

		assertStartFails("supporters.data-dir=" + file.resolve("var"));

		assertThat(output).contains("SUPPORTERS_DATA_DIR " + file.resolve("var") + " cannot be used");
		assertNoStackTrace(output);
	}

	@Test
	void portAlreadyTakenIsNamed(CapturedOutput output) throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			TestDatabase.Connection database = TestDatabase.connection();
			assertStartFails("server.port=" + taken.getLocalPort(), "spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password());

			assertThat(output).contains("Port " + taken.getLocalPort() + " was already in use");
		}
		assertNoStackTrace(output);
	}

	@Test
	void invalidSupportersSettingIsNamed(CapturedOutput output) {
		assertStartFails("supporters.public-url=ftp://example.com");

		assertThat(output).contains("supporters.public-url").contains("must be an http or https URL");
		assertNoStackTrace(output);
	}

	@Test
	void aCountryHeaderThatIsNoHeaderNameIsNamed(CapturedOutput output) {
		assertStartFails("supporters.country-header=CF IPCountry: GB");

		assertThat(output).contains("supporters.country-header").contains("must be an HTTP header name");
		assertNoStackTrace(output);
	}

	private void assertStartFails(String... properties) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SupportersApplication.class)
			.properties("server.port=0", "supporters.data-dir=" + this.temp.resolve("var"))
			.properties(properties)
			.run()
			.close()).isNotNull();
	}

	private static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
	}

}
