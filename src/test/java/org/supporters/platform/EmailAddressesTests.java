package org.supporters.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;
import org.supporters.Reader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java's email rule is the schema's: on a table of tricky addresses, what
 * {@link EmailAddresses} accepts is exactly what the {@code email_address} domain stores.
 */
class EmailAddressesTests extends IntegrationTest {

	private static final List<String> ADDRESSES = List.of("reader@example.org", "a.b+c@mail.example.co.uk",
			"café@exämple.org", "读者@例子.中国", "emoji😀@example.org", "a@b.c", "reader@example", "@example.org",
			"reader@.org", "reader@example.", "two@@example.org", "a b@example.org", "reader@exa mple.org",
			"em\u2003space@example.org", "nbsp\u00a0@example.org", "ideographic\u3000@example.org",
			"line\u2028sep@example.org", "next\u0085line@example.org", "tab\t@example.org", "new\nline@example.org",
			"zero\u200bwidth@example.org", "mongolian\u180e@example.org", "narrow\u202f@example.org",
			"trailing@example.org\n", "x".repeat(242) + "@example.org", "x".repeat(243) + "@example.org",
			"😀".repeat(242) + "@example.org", "😀".repeat(243) + "@example.org", "");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void javaAcceptsExactlyTheAddressesTheSchemaStores() {
		for (String address : ADDRESSES) {
			assertThat(EmailAddresses.isValid(address)).as("Java on %s", printable(address))
				.isEqualTo(schemaAccepts(address));
		}
	}

	@Test
	void theSchemaChecksWithTheVeryPatternJavaUses() {
		String check = this.jdbc.queryForObject("""
				select pg_get_constraintdef(c.oid) from pg_constraint c
				where c.contypid = 'email_address'::regtype""", String.class);

		assertThat(check).contains(EmailAddresses.REGEX);
	}

	@Test
	void aUnicodeSpaceInAnEmailIsAClearMessageNextToTheFieldNotA500() {
		Reader reader = new Reader(this.port);
		HttpResponse<String> answer = reader.post("/sign-in", reader.get("/sign-in").body(),
				Map.of("email", "em\u2003space@example.org"));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("Enter your email address, like name@example.org.");
	}

	private boolean schemaAccepts(String address) {
		try {
			this.jdbc.queryForObject("select cast(? as email_address)", String.class, address);
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	private static String printable(String address) {
		StringBuilder shown = new StringBuilder();
		address.codePoints()
			.forEach((c) -> shown.append((c < 0x20 || (c > 0x7e && Character.isWhitespace(c)) || c == 0x85 || c == 0xa0
					|| c == 0x200b || c == 0x180e || c == 0x202f || c == 0x3000) ? String.format("\\u%04x", c)
							: Character.toString(c)));
		return (shown.length() > 60) ? shown.substring(0, 60) + "… (" + address.length() + " chars)" : shown.toString();
	}

}
