package org.supporters.membership;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** members.js is on every article page: it stays small. */
class MembersJsSizeTests {

	@Test
	void membersJsStaysUnderTenKilobytes() throws IOException {
		try (InputStream script = getClass().getResourceAsStream("/static/embed/members.js")) {
			assertThat(script).isNotNull();
			assertThat(script.readAllBytes().length).isLessThan(10 * 1024);
		}
	}

}
