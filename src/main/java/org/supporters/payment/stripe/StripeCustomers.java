package org.supporters.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * One Stripe customer per supporter (per email address), created before the first
 * checkout and reused for every later one and for the Customer Portal.
 */
@Component
@Conditional(StripeMode.class)
class StripeCustomers {

	private final StripeClient stripe;

	private final StripeRepository repository;

	private final Clock clock;

	StripeCustomers(StripeClient stripe, StripeRepository repository, Clock clock) {
		this.stripe = stripe;
		this.repository = repository;
		this.clock = clock;
	}

	/** The email's customer, created at Stripe the first time. */
	String customerFor(String email, String name) {
		Optional<String> known = this.repository.customerOf(email);
		if (known.isPresent()) {
			return known.get();
		}
		CustomerCreateParams.Builder params = CustomerCreateParams.builder()
			.setEmail(email)
			.putMetadata("source", "supporters");
		if (name != null) {
			params.setName(name);
		}
		try {
			// two instances creating the same email's customer at once get one customer
			Customer customer = this.stripe.v1()
				.customers()
				.create(params.build(),
						RequestOptions.builder()
							.setIdempotencyKey("supporters-customer-" + sha256(email.toLowerCase(Locale.ROOT)))
							.build());
			return this.repository.insertCustomer(email, customer.getId(), this.clock.instant());
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Creating a customer", ex);
		}
	}

	Optional<String> customerOf(String email) {
		return this.repository.customerOf(email);
	}

	/**
	 * The email of one of our customers; waits (throws) for a customer we do not know.
	 */
	String emailOf(String customerId) {
		return this.repository.emailOf(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
