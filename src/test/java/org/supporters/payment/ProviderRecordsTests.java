package org.supporters.payment;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.IntegrationTest;
import org.supporters.platform.ReaderErased;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erased reader's email and name leave what the providers told us, in any letter case
 * and whatever characters the address holds, and the stored events stay valid JSON.
 */
class ProviderRecordsTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anErasedReadersEmailAndNameLeaveStoredEventsAndStripeCustomers() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = "ann.o'neil+news-" + unique + "@example.org";
		String name = "Ann (O'Neil) " + unique;
		String eventId = "evt_erase_" + unique;
		this.jdbc.update(
				"insert into provider_event (provider, event_id, type, payload) values ('stripe', ?, "
						+ "'checkout.session.completed', ?::jsonb)",
				eventId, "{\"customer_details\": {\"email\": \"" + email.toUpperCase() + "\", \"name\": \"" + name
						+ "\"}, \"customer_email\": \"" + email + "\", \"amount_total\": 1000}");
		this.jdbc.update("insert into stripe_customer (email, customer_id, created_at) values (?, ?, now())", email,
				"cus_erase" + unique);
		String pseudonym = ReaderErased.pseudonymOf(UUID.randomUUID());

		this.transaction.executeWithoutResult((status) -> this.events
			.publishEvent(new ReaderErased(UUID.randomUUID(), email, name, pseudonym, Instant.now())));

		String payload = this.jdbc.queryForObject("select payload::text from provider_event where event_id = ?",
				String.class, eventId);
		assertThat(payload.toLowerCase()).doesNotContain(email.toLowerCase()).doesNotContain(name.toLowerCase());
		assertThat(payload).contains("\"customer_email\": \"" + pseudonym + "\"", "\"name\": null",
				"\"amount_total\": 1000");
		assertThat(this.jdbc.queryForObject("select email from stripe_customer where customer_id = ?", String.class,
				"cus_erase" + unique))
			.isEqualTo(pseudonym);
	}

}
