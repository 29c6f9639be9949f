package org.supporters.payment.sandbox;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.payment.sandbox.SandboxCheckout.Outcome;
import org.supporters.payment.sandbox.SandboxManage.CardChange;
import org.supporters.payment.sandbox.SandboxRepository.Managed;
import org.supporters.payment.sandbox.SandboxRepository.Session;

/**
 * The sandbox's hosted checkout page and its clock page, both plainly marked as test
 * mode.
 */
@Controller
@Conditional(SandboxMode.class)
class SandboxController {

	private final SandboxCheckout checkout;

	private final SandboxBilling billing;

	private final SandboxClock clock;

	private final SandboxRepository repository;

	private final SandboxManage manage;

	private final SandboxPayments payments;

	private final Catalog catalog;

	SandboxController(SandboxCheckout checkout, SandboxBilling billing, SandboxClock clock,
			SandboxRepository repository, SandboxManage manage, SandboxPayments payments, Catalog catalog) {
		this.payments = payments;
		this.catalog = catalog;
		this.checkout = checkout;
		this.billing = billing;
		this.clock = clock;
		this.repository = repository;
		this.manage = manage;
	}

	@GetMapping("/sandbox/checkout/{sessionId}")
	String checkoutPage(@PathVariable String sessionId, Model model) {
		Session session = this.checkout.session(sessionId);
		if (session.completed()) {
			return "redirect:" + session.successUrl();
		}
		return page(session, this.checkout.expired(session) ? Outcome.expired() : null, null, model);
	}

	@PostMapping("/sandbox/checkout/{sessionId}/pay")
	String pay(@PathVariable String sessionId, @RequestParam(defaultValue = "") String card, Model model) {
		return next(sessionId, this.checkout.pay(sessionId, card), card, model);
	}

	@PostMapping("/sandbox/checkout/{sessionId}/authenticate")
	String authenticate(@PathVariable String sessionId, @RequestParam(defaultValue = "") String decision, Model model) {
		return next(sessionId, this.checkout.authenticate(sessionId, "approve".equals(decision)), null, model);
	}

	@GetMapping("/sandbox/clock")
	String clockPage(@RequestParam(required = false) Integer advanced, @RequestParam(required = false) Integer charges,
			Model model) {
		if (advanced != null && charges != null) {
			model.addAttribute("advanced", "Moved " + advanced + " days ahead; " + charges + " subscription charge"
					+ ((charges == 1) ? "" : "s") + " attempted.");
		}
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("offsetDays", this.clock.offset().toDays());
		model.addAttribute("subscriptions", this.repository.newestSubscriptions(20));
		return "payment/sandbox/clock";
	}

	@PostMapping("/sandbox/clock")
	String advanceClock(@RequestParam(defaultValue = "") String days, Model model) {
		int count;
		try {
			count = Integer.parseInt(days.trim());
		}
		catch (NumberFormatException ex) {
			count = 0;
		}
		if (count < 1 || count > 400) {
			model.addAttribute("daysError", "Enter a whole number of days from 1 to 400.");
			model.addAttribute("days", days);
			return clockPage(null, null, model);
		}
		this.clock.advance(Duration.ofDays(count));
		int charges = this.billing.chargeDue();
		return "redirect:/sandbox/clock?advanced=" + count + "&charges=" + charges;
	}

	@GetMapping("/sandbox/payments")
	String paymentsPage(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("payments", this.payments.newest(50));
		model.addAttribute("done", done);
		return "payment/sandbox/payments";
	}

	/**
	 * Refunds the payment: all that is left of it, or the amount given in major units
	 * (e.g. {@code 2.50}).
	 */
	@PostMapping("/sandbox/payments/{paymentId}/refund")
	String refund(@PathVariable String paymentId, @RequestParam(defaultValue = "") String amount) {
		BigDecimal major = null;
		if (!amount.isBlank()) {
			try {
				major = new BigDecimal(amount.trim());
			}
			catch (NumberFormatException ex) {
				return outcome(false, null);
			}
		}
		return outcome(this.payments.refund(paymentId, major), "refunded");
	}

	@PostMapping("/sandbox/payments/{paymentId}/dispute")
	String dispute(@PathVariable String paymentId, @RequestParam(defaultValue = "") String outcome) {
		return switch (outcome) {
			case "won" -> outcome(this.payments.closeDispute(paymentId, true), "dispute-won");
			case "lost" -> outcome(this.payments.closeDispute(paymentId, false), "dispute-lost");
			default -> outcome(this.payments.openDispute(paymentId), "dispute-opened");
		};
	}

	private static String outcome(boolean changed, String done) {
		return "redirect:/sandbox/payments?done=" + (changed ? done : "refused");
	}

	@GetMapping("/sandbox/manage")
	String managePage(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String signature,
			@RequestParam(required = false) String done, Model model) {
		if (!this.manage.genuine(email, signature)) {
			throw new ManageLinkInvalidException();
		}
		model.addAttribute("email", email);
		model.addAttribute("signature", signature);
		model.addAttribute("subscriptions", this.manage.subscriptionsOf(email));
		model.addAttribute("cancelRequested", "cancel-requested".equals(done));
		model.addAttribute("cardUpdated", "card-updated".equals(done));
		model.addAttribute("paymentRecovered", "card-updated-paid".equals(done));
		return "payment/sandbox/manage";
	}

	/** The step before a cancel: what it means, and a way back. */
	@GetMapping("/sandbox/manage/cancel")
	String confirmCancel(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String signature, @RequestParam(defaultValue = "") String subscription,
			Model model) {
		if (!this.manage.genuine(email, signature)) {
			throw new ManageLinkInvalidException();
		}
		Managed managed = this.manage.subscriptionsOf(email)
			.stream()
			.filter((candidate) -> candidate.subscription().id().equals(subscription)
					&& !candidate.subscription().cancelAtPeriodEnd()
					&& candidate.subscription().status() != SandboxSubscriptionStatus.CANCELED)
			.findFirst()
			.orElse(null);
		if (managed == null) {
			return "redirect:" + managePath(email, signature, null);
		}
		model.addAttribute("email", email);
		model.addAttribute("signature", signature);
		model.addAttribute("managed", managed);
		model.addAttribute("backUrl", managePath(email, signature, null));
		return "payment/sandbox/confirm-cancel";
	}

	@PostMapping("/sandbox/manage/card")
	String updateCard(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String signature,
			@RequestParam(defaultValue = "") String subscription, @RequestParam(defaultValue = "") String card,
			Model model, HttpServletResponse response) {
		if (!this.manage.genuine(email, signature)) {
			throw new ManageLinkInvalidException();
		}
		CardChange change = this.manage.updateCard(email, subscription, card);
		if (change.result() == CardChange.Result.REFUSED) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("cardError", change.refusal());
			model.addAttribute("cardSubscription", subscription);
			model.addAttribute("card", card);
			return managePage(email, signature, null, model);
		}
		return "redirect:" + managePath(email, signature,
				(change.result() == CardChange.Result.RETRIED) ? "card-updated-paid" : "card-updated");
	}

	private static String managePath(String email, String signature, String done) {
		UriComponentsBuilder path = UriComponentsBuilder.fromPath("/sandbox/manage")
			.queryParam("email", email)
			.queryParam("signature", signature);
		if (done != null) {
			path.queryParam("done", done);
		}
		return path.encode().build().toUriString();
	}

	@PostMapping("/sandbox/manage/cancel")
	String cancelAtPeriodEnd(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String signature, @RequestParam(defaultValue = "") String subscription) {
		if (!this.manage.genuine(email, signature)) {
			throw new ManageLinkInvalidException();
		}
		this.manage.cancelAtPeriodEnd(email, subscription);
		return "redirect:" + managePath(email, signature, "cancel-requested");
	}

	private String next(String sessionId, Outcome outcome, String card, Model model) {
		if (outcome.step() == SandboxCheckout.Step.COMPLETED) {
			return "redirect:" + outcome.redirectUrl();
		}
		Session session = this.checkout.session(sessionId);
		if (outcome.step() == SandboxCheckout.Step.AUTHENTICATE) {
			model.addAttribute("checkoutSession", session);
			return "payment/sandbox/authenticate";
		}
		return page(session, outcome, card, model);
	}

	private String page(Session session, Outcome outcome, String card, Model model) {
		model.addAttribute("checkoutSession", session);
		// the line is worded in the page's language: the stored description is the
		// provider's, in the language the checkout was started in
		model.addAttribute("tierName", (session.tierSlug() != null)
				? this.catalog.tier(session.tierSlug()).map(Tier::name).orElse(null) : null);
		model.addAttribute("outcome", outcome);
		model.addAttribute("expired", outcome != null && outcome.step() == SandboxCheckout.Step.EXPIRED);
		model.addAttribute("card", card);
		return "payment/sandbox/checkout";
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class ManageLinkInvalidException extends RuntimeException {

		ManageLinkInvalidException() {
			super("No such sandbox manage page");
		}

	}

}
