package org.supporters.platform;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import org.supporters.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema refuses bad data by itself, even if the code has a bug. */
class SchemaRulesTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sameEmailInAnotherLetterCaseIsTheSameSupporter() {
		String email = "Reader-" + UUID.randomUUID() + "@Example.org";
		this.jdbc.update("insert into supporter (email) values (?)", email);

		assertThatThrownBy(() -> this.jdbc.update("insert into supporter (email) values (?)", email.toLowerCase()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("supporter_email_key");
	}

	@Test
	void malformedEmailIsRejected() {
		assertThatThrownBy(() -> this.jdbc.update("insert into supporter (email) values ('not an email')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void negativeOrZeroAmountsAreRejected() {
		UUID pledge = pledge();

		assertThatThrownBy(() -> payment(pledge, -500, "succeeded")).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("minor_amount");
		assertThatThrownBy(() -> payment(pledge, 0, "succeeded")).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void unknownStatusIsRejected() {
		UUID pledge = pledge();

		assertThatThrownBy(() -> payment(pledge, 500, "maybe")).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("payment_status_check");
		assertThatThrownBy(() -> this.jdbc.update("update pledge set status = 'paused' where id = ?", pledge))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void currencyMustBeAnIsoCodeAndStatusesFitTheKind() {
		UUID supporter = supporter();
		assertThatThrownBy(() -> this.jdbc.update(
				"""
						insert into pledge (supporter_id, kind, amount_minor, currency, status, provider, provider_ref, provider_state_at)
						values (?, 'one_off', 500, 'eur', 'paid', 'sandbox', ?, now())""",
				supporter, UUID.randomUUID().toString()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("currency_code");
		assertThatThrownBy(() -> this.jdbc.update(
				"""
						insert into pledge (supporter_id, kind, amount_minor, currency, status, provider, provider_ref, provider_state_at)
						values (?, 'one_off', 500, 'EUR', 'active', 'sandbox', ?, now())""",
				supporter, UUID.randomUUID().toString()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void sameProviderEventIsStoredOnce() {
		String eventId = "evt_" + UUID.randomUUID();
		String insert = "insert into provider_event (provider, event_id, type, payload) values ('stripe', ?, 'invoice.paid', '{}')";
		this.jdbc.update(insert, eventId);

		assertThatThrownBy(() -> this.jdbc.update(insert, eventId)).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("provider_event_provider_event_id_key");
	}

	@Test
	void paymentsCannotShareAProviderReference() {
		UUID pledge = pledge();
		String reference = "pi_" + UUID.randomUUID();
		String insert = """
				insert into payment (pledge_id, amount_minor, currency, status, provider, provider_ref, occurred_at, provider_state_at)
				values (?, 500, 'EUR', 'succeeded', 'stripe', ?, now(), now())""";
		this.jdbc.update(insert, pledge, reference);

		assertThatThrownBy(() -> this.jdbc.update(insert, pledge, reference))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void auditLogIsAppendOnly() {
		this.jdbc.update("insert into audit_log (action) values ('test.append')");

		assertThatThrownBy(() -> this.jdbc.update("delete from audit_log")).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("update audit_log set action = 'x'"))
			.hasMessageContaining("append-only");
	}

	private UUID supporter() {
		return this.jdbc.queryForObject("insert into supporter (email) values (?) returning id", UUID.class,
				"schema-" + UUID.randomUUID() + "@example.org");
	}

	private UUID pledge() {
		return this.jdbc.queryForObject(
				"""
						insert into pledge (supporter_id, kind, amount_minor, currency, billing_interval, status, provider, provider_ref, current_period_end, provider_state_at)
						values (?, 'recurring', 500, 'EUR', 'month', 'active', 'sandbox', ?, now(), now()) returning id""",
				UUID.class, supporter(), "sub_" + UUID.randomUUID());
	}

	private void payment(UUID pledge, long amount, String status) {
		this.jdbc.update(
				"""
						insert into payment (pledge_id, amount_minor, currency, status, provider, provider_ref, occurred_at, provider_state_at)
						values (?, ?, 'EUR', ?, 'sandbox', ?, now(), now())""",
				pledge, amount, status, "pay_" + UUID.randomUUID());
	}

}
