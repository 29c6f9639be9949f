package org.supporters.payment.stripe;

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

/** A Stripe secret key without the webhook's signing secret stops start-up, saying so. */
@ExtendWith(OutputCaptureExtension.class)
class StripeSettingsTests {

	@TempDir
	Path temp;

	@Test
	void secretKeyWithoutWebhookSecretIsNamed(CapturedOutput output) {
		TestDatabase.Connection database = TestDatabase.connection();

		assertThatThrownBy(() -> new SpringApplicationBuilder(SupportersApplication.class)
			.properties("server.port=0", "supporters.data-dir=" + this.temp.resolve("var"),
					"spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "stripe.secret-key=sk_test_supporters")
			.run()
			.close()).isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("webhookSecret")
			.contains("must be set when STRIPE_SECRET_KEY is")
			.doesNotContain("\tat ");
	}

}
