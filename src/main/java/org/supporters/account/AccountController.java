package org.supporters.account;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import org.supporters.membership.Membership;
import org.supporters.membership.MembershipCookie;
import org.supporters.payment.PaymentProvider;

/** The signed-in reader's account: membership, pledges, signing out. */
@Controller
class AccountController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private final AccountRepository repository;

	private final MembershipCookie cookie;

	private final ReaderSignIn readers;

	private final PaymentProvider provider;

	AccountController(AccountRepository repository, MembershipCookie cookie, ReaderSignIn readers,
			PaymentProvider provider) {
		this.repository = repository;
		this.cookie = cookie;
		this.readers = readers;
		this.provider = provider;
	}

	@GetMapping("/account")
	String account(Principal principal, HttpServletRequest request, HttpServletResponse response, Model model) {
		UUID supporterId = UUID.fromString(principal.getName());
		Membership membership = this.cookie.refresh(supporterId, request, response);
		model.addAttribute("email", this.repository.email(supporterId).orElse(""));
		model.addAttribute("member", membership.member());
		model.addAttribute("status", membership.status());
		model.addAttribute("statusText", statusText(membership));
		model.addAttribute("tier", membership.tier());
		model.addAttribute("benefits", membership.benefits());
		model.addAttribute("pledges", this.repository.pledges(supporterId));
		model.addAttribute("noManageLink", request.getParameter("noManageLink") != null);
		model.addAttribute("dates", DATE);
		return "account/account";
	}

	/**
	 * Manage, cancel or update the card at the provider (Stripe's Customer Portal, or the
	 * sandbox's page).
	 */
	@PostMapping("/account/manage")
	String manage(Principal principal) {
		return this.repository.email(UUID.fromString(principal.getName()))
			.flatMap(this.provider::manageUrl)
			.map((url) -> "redirect:" + url)
			.orElse("redirect:/account?noManageLink");
	}

	@PostMapping("/account/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		this.readers.signOut(request, response);
		return "redirect:/sign-in?signedOut";
	}

	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(Principal principal, HttpServletRequest request, HttpServletResponse response) {
		this.readers.signOutEverywhere(UUID.fromString(principal.getName()), request, response);
		return "redirect:/sign-in?signedOut";
	}

	private static String statusText(Membership membership) {
		String until = (membership.validUntil() != null) ? DATE.format(membership.validUntil()) : "";
		return switch (membership.status()) {
			case "active" -> "Active: the next payment is due on " + until + ".";
			case "grace" -> "Your last payment failed and will be tried again. You stay a member until " + until
					+ "; update your card to keep it.";
			case "canceling" -> "Canceled: you stay a member until " + until + ", and will not be charged again.";
			case "comp" -> "A membership given by our team, until " + until + ".";
			case "contributor" -> "Thank you for your contribution: its benefits last until " + until + ".";
			default -> "No current membership.";
		};
	}

}
