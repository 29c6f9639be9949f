package org.supporters.payment.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import org.supporters.payment.ChangePreview;
import org.supporters.payment.CheckoutRequest;
import org.supporters.payment.CheckoutSession;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.PledgeTerms;
import org.supporters.payment.ProviderEventInbox;
import org.supporters.supporter.ProviderReport;
import org.supporters.payment.ReceivedEvent;
import org.supporters.payment.ReturnConfirmation;
import org.supporters.payment.sandbox.SandboxRepository.Session;
import org.supporters.platform.AppSecrets;
import org.supporters.supporter.CancelReason;
import org.supporters.platform.SupportersProperties;

/**
 * The built-in offline provider: a hosted checkout page served by this service, Stripe's
 * test cards, and subscriptions that renew as the sandbox clock moves.
 */
@Component
@Conditional(SandboxMode.class)
class SandboxPaymentProvider implements PaymentProvider {

	private final SandboxRepository repository;

	private final SandboxEvents events;

	private final ProviderEventInbox inbox;

	private final AppSecrets secrets;

	private final SupportersProperties properties;

	private final SandboxManage manage;

	private final SandboxChanges changes;

	private final Clock clock;

	SandboxPaymentProvider(SandboxRepository repository, SandboxEvents events, ProviderEventInbox inbox,
			AppSecrets secrets, SupportersProperties properties, SandboxManage manage, SandboxChanges changes,
			Clock clock) {
		this.changes = changes;
		this.repository = repository;
		this.events = events;
		this.inbox = inbox;
		this.secrets = secrets;
		this.properties = properties;
		this.manage = manage;
		this.clock = clock;
	}

	@Override
	public String name() {
		return SandboxEvents.PROVIDER;
	}

	@Override
	public CheckoutSession startCheckout(CheckoutRequest request) {
		Session session = this.repository
			.insertSession(new Session(SandboxIds.next("cs_sbx_"), request.checkoutId(), request.email(),
					request.name(), request.description(), request.tierSlug(), request.amount(), request.interval(),
					request.successUrl().toString(), request.cancelUrl().toString(), "open", this.clock.instant()));
		return new CheckoutSession(session.id(),
				URI.create(this.properties.publicUri() + "/sandbox/checkout/" + session.id()));
	}

	@Override
	public ReturnConfirmation confirmReturn(UUID checkoutId, Map<String, String> parameters) {
		String sessionId = parameters.getOrDefault("session", "");
		String signature = parameters.getOrDefault("signature", "");
		boolean genuine = MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
				sign(sessionId, checkoutId).getBytes(StandardCharsets.US_ASCII));
		Session session = genuine ? this.repository.session(sessionId).orElse(null) : null;
		if (session == null || !session.checkoutId().equals(checkoutId)) {
			return ReturnConfirmation.INVALID;
		}
		if (!session.completed()) {
			return ReturnConfirmation.PENDING;
		}
		this.inbox.applyNow(SandboxEvents.PROVIDER, completionEventId(session));
		return ReturnConfirmation.PAID;
	}

	@Override
	public List<ProviderReport> read(ReceivedEvent event) {
		return this.events.read(event);
	}

	/** The sandbox's own manage page, in place of Stripe's Customer Portal. */
	@Override
	public Optional<URI> manageUrl(String email) {
		return this.manage.manageUrl(email);
	}

	@Override
	public ChangePreview previewChange(String email, String reference, PledgeTerms terms) {
		return this.changes.preview(email, reference, terms);
	}

	@Override
	public void changePledge(String email, String reference, PledgeTerms terms, String idempotencyKey) {
		this.changes.change(email, reference, terms, idempotencyKey);
	}

	@Override
	public void cancelPledge(String email, String reference, CancelReason reason, String comment,
			String idempotencyKey) {
		this.changes.cancel(email, reference, reason, comment, idempotencyKey);
	}

	@Override
	public void resumePledge(String email, String reference, String idempotencyKey) {
		this.changes.resume(email, reference, idempotencyKey);
	}

	/**
	 * Where the reader goes after paying: the checkout's success address, signed for this
	 * session.
	 */
	String returnUrl(Session session) {
		return UriComponentsBuilder.fromUriString(session.successUrl())
			.queryParam("session", session.id())
			.queryParam("signature", sign(session.id(), session.checkoutId()))
			.build()
			.toUriString();
	}

	static String completionEventId(Session session) {
		return "evt_" + session.id();
	}

	private String sign(String sessionId, UUID checkoutId) {
		return HexFormat.of().formatHex(this.secrets.hmac("sandbox.return", sessionId + "|" + checkoutId));
	}

}
