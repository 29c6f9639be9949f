package org.supporters.account;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.supporters.membership.Membership;
import org.supporters.membership.MembershipCookie;
import org.supporters.payment.PaymentProvider;

/** The signed-in reader's account: membership, pledges, their data, signing out. */
@Controller
class AccountController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private final AccountRecords repository;

	private final MembershipCookie cookie;

	private final ReaderSignIn readers;

	private final PaymentProvider provider;

	private final PersonalData personalData;

	AccountController(AccountRecords repository, MembershipCookie cookie, ReaderSignIn readers,
			PaymentProvider provider, PersonalData personalData) {
		this.repository = repository;
		this.cookie = cookie;
		this.readers = readers;
		this.provider = provider;
		this.personalData = personalData;
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
		model.addAttribute("pledges", this.repository.pledgeLines(supporterId));
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

	/** A copy of everything held about the reader, to download. */
	@GetMapping("/account/export")
	ResponseEntity<PersonalData.Export> export(Principal principal) {
		return this.personalData.export(UUID.fromString(principal.getName()))
			.map((export) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("my-supporter-data.json").build().toString())
				.body(export))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * Erases the reader's personal data once they confirm, then signs them out
	 * everywhere.
	 */
	@PostMapping("/account/erase")
	String erase(Principal principal, @RequestParam(required = false) String confirm, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		UUID supporterId = UUID.fromString(principal.getName());
		if (!"yes".equals(confirm)) {
			return withEraseError("Tick the box to confirm: erasing your data cannot be undone.", principal, request,
					response, model);
		}
		if (this.personalData.erase(supporterId) == PersonalData.Erasure.CANCEL_PLEDGE_FIRST) {
			return withEraseError("Your recurring pledge would still be charged. Cancel it first with \"Manage, "
					+ "cancel or update card\", then erase your data.", principal, request, response, model);
		}
		this.readers.signOutEverywhere(supporterId, request, response);
		return "redirect:/sign-in?erased";
	}

	private String withEraseError(String message, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String page = account(principal, request, response, model);
		model.addAttribute("eraseError", message);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page;
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
			case ACTIVE -> "Active: the next payment is due on " + until + ".";
			case GRACE -> "Your last payment failed and will be tried again. You stay a member until " + until
					+ "; update your card to keep it.";
			case CANCELING -> "Canceled: you stay a member until " + until + ", and will not be charged again.";
			case COMP -> "A membership given by our team, until " + until + ".";
			case CONTRIBUTOR -> "Thank you for your contribution: its benefits last until " + until + ".";
			default -> "No current membership.";
		};
	}

}
