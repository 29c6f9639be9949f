package org.supporters.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.platform.Mail;
import org.supporters.staff.StaffAdmins;

/**
 * Sends due deliveries. Rows are claimed in a short transaction (skipping those another
 * instance holds) and sent outside it, all at once and each under its own timeouts, so a
 * hanging receiver costs its own deliveries a timeout and no one else anything.
 */
@Component
class WebhookDelivery {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDelivery.class);

	static final int BATCH = 50;

	/**
	 * At most this much of an answer is read, then dropped: nobody needs a receiver's
	 * body.
	 */
	static final int MAX_ANSWER_BYTES = 4096;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(6);

	private final WebhookRepository repository;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WebhookProperties properties;

	private final WebhookUrls urls;

	private final Mail mail;

	private final StaffAdmins admins;

	private final HttpClient client;

	WebhookDelivery(WebhookRepository repository, TransactionTemplate transactions, Clock clock,
			WebhookProperties properties, Mail mail, StaffAdmins admins) {
		this.repository = repository;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.urls = new WebhookUrls(properties.allowPrivate());
		this.mail = mail;
		this.admins = admins;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** One run over due deliveries; true when a full batch went, so more may wait. */
	boolean deliverDue() {
		Instant now = this.clock.instant();
		// the lease outlasts the longest send, so a row is not sent twice at once
		Instant lease = now.plus(this.properties.requestTimeout().multipliedBy(3)).plusSeconds(60);
		List<WebhookRepository.Claimed> claimed = this.transactions
			.execute((status) -> this.repository.claimDue(now, lease, BATCH));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		CompletableFuture.allOf(claimed.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
		return claimed.size() == BATCH;
	}

	private CompletableFuture<Void> send(WebhookRepository.Claimed delivery) {
		URI uri;
		try {
			uri = URI.create(delivery.url());
		}
		catch (IllegalArgumentException ex) {
			failed(delivery, null, "The URL is not valid");
			return CompletableFuture.completedFuture(null);
		}
		Optional<String> refused = this.urls.refusedAddress(uri);
		if (refused.isPresent()) {
			failed(delivery, null, refused.get());
			return CompletableFuture.completedFuture(null);
		}
		long unixSeconds = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Supporters-Webhooks/1")
			.header(Signatures.HEADER, Signatures.header(delivery.secret(), unixSeconds, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
			.build();
		// the request timeout ends at the answer's headers; this bounds a body that
		// trickles
		long bound = this.properties.requestTimeout().multipliedBy(2).toMillis();
		return this.client.sendAsync(request, (info) -> new FirstBytes())
			.orTimeout(bound, TimeUnit.MILLISECONDS)
			.handle((response, error) -> {
				try {
					if (error != null) {
						failed(delivery, null, describe(error));
					}
					else if (response.statusCode() >= 200 && response.statusCode() < 300) {
						delivered(delivery, response.statusCode());
					}
					else {
						failed(delivery, response.statusCode(), "Answered " + response.statusCode());
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Could not record the outcome of webhook delivery {}", delivery.id(), ex);
				}
				return null;
			});
	}

	private void delivered(WebhookRepository.Claimed delivery, int code) {
		count("delivered");
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			this.repository.recordAttempt(delivery.id(), now, code, null);
			this.repository.markDelivered(delivery.id(), delivery.endpointId(), now);
		});
	}

	private void failed(WebhookRepository.Claimed delivery, Integer code, String error) {
		count("failed");
		Instant now = this.clock.instant();
		int attempts = delivery.attempts() + 1;
		Instant next = now.plus(backoff(attempts));
		DeliveryStatus status = next.isAfter(delivery.retryUntil()) ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.recordAttempt(delivery.id(), now, code, error);
			WebhookRepository.Failing failing = this.repository.markFailed(delivery.id(), delivery.endpointId(), status,
					next, now);
			boolean tooMany = failing.consecutiveFailures() >= this.properties.disableAfterFailures();
			boolean tooLong = failing.failingSince() != null
					&& !failing.failingSince().plus(this.properties.disableAfterFailingFor()).isAfter(now);
			if (failing.enabled() && (tooMany || tooLong)) {
				String reason = "disabled after " + failing.consecutiveFailures() + " failed deliveries in a row since "
						+ failing.failingSince();
				this.repository.setEnabled(delivery.endpointId(), false, reason);
				for (String admin : this.admins.emails()) {
					this.mail.send(admin, "A webhook endpoint was disabled", """
							Webhooks to %s failed %d times in a row since %s, so the endpoint was disabled.

							Its undelivered events wait. Fix the receiver, then enable the endpoint again on the
							staff pages under Webhooks: they go out in order.
							""".formatted(failing.url(), failing.consecutiveFailures(), failing.failingSince()));
				}
			}
		});
	}

	private static void count(String outcome) {
		Counter.builder("supporters.webhooks.deliveries")
			.description("Outgoing webhook attempts, delivered or failed (and retried)")
			.tag("outcome", outcome)
			.register(Metrics.globalRegistry)
			.increment();
	}

	/** 30 s, 1 min, 2 min, … doubling up to 6 h between attempts. */
	static Duration backoff(int attempts) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : wait;
	}

	private static String describe(Throwable error) {
		Throwable cause = (error instanceof java.util.concurrent.CompletionException && error.getCause() != null)
				? error.getCause() : error;
		if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
			return "Timed out";
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Reads the first few KB of an answer, then stops reading: the rest is never fetched.
	 */
	private static final class FirstBytes implements HttpResponse.BodySubscriber<Void> {

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		private Flow.Subscription subscription;

		private long read;

		@Override
		public CompletionStage<Void> getBody() {
			return this.done;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
			for (ByteBuffer buffer : item) {
				this.read += buffer.remaining();
			}
			if (this.read >= MAX_ANSWER_BYTES) {
				this.subscription.cancel();
				this.done.complete(null);
			}
			else {
				this.subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.done.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.done.complete(null);
		}

	}

}
