package org.supporters.account;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.supporters.account.SignIns.Outcome;
import org.supporters.membership.MembershipService;
import org.supporters.platform.EmailAddresses;
import org.supporters.platform.ReturnUrls;

/**
 * Sign-in pages: ask for a mail, type the code, or confirm the mailed link (a GET only
 * shows a button, so a mail scanner opening the link does not use it up).
 */
@Controller
class SignInController {

	private static final Pattern CODE = Pattern.compile("^[0-9]{6}$");

	private final SignIns signIns;

	private final ReaderSignIn readers;

	private final MembershipService memberships;

	private final ReturnUrls returnUrls;

	SignInController(SignIns signIns, ReaderSignIn readers, MembershipService memberships, ReturnUrls returnUrls) {
		this.returnUrls = returnUrls;
		this.signIns = signIns;
		this.readers = readers;
		this.memberships = memberships;
	}

	@GetMapping("/sign-in")
	String signInPage(@RequestParam(required = false) String email,
			@RequestParam(name = "return", required = false) String returnUrl, Model model) {
		returnTo(returnUrl, model);
		model.addAttribute("email", (email != null) ? email : "");
		return "account/sign-in";
	}

	@PostMapping("/sign-in")
	String requestMail(@RequestParam(defaultValue = "") String email,
			@RequestParam(name = "return", required = false) String returnUrl, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		String back = returnTo(returnUrl, model);
		String address = email.trim();
		model.addAttribute("email", address);
		if (!EmailAddresses.isValid(address)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("emailError", "sign-in.error.email");
			return "account/sign-in";
		}
		if (!this.signIns.request(address, request.getRemoteAddr(), back, locale)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("emailError", "sign-in.error.too-many-mails");
			return "account/sign-in";
		}
		return "account/check-mail";
	}

	@PostMapping("/sign-in/code")
	String useCode(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String code,
			@RequestParam(name = "return", required = false) String returnUrl, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String back = returnTo(returnUrl, model);
		String typed = code.replaceAll("\\s", "");
		model.addAttribute("email", email.trim());
		model.addAttribute("code", typed);
		if (!CODE.matcher(typed).matches() || !EmailAddresses.isValid(email.trim())) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("codeError", "sign-in.error.code-format");
			return "account/check-mail";
		}
		Outcome outcome = this.signIns.useCode(email.trim(), typed, request.getRemoteAddr());
		if (outcome.signedIn()) {
			return signIn(outcome.email(), back, request, response, model);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("codeError", message(outcome));
		model.addAttribute("offerNew", outcome.state() != SignIns.State.WRONG_CODE);
		return "account/check-mail";
	}

	@GetMapping("/sign-in/link")
	String confirmLink(@RequestParam(defaultValue = "") String token,
			@RequestParam(name = "return", required = false) String returnUrl, HttpServletResponse response,
			Model model) {
		returnTo(returnUrl, model);
		Outcome outcome = this.signIns.peekLink(token);
		return linkPage(token, outcome, response, model);
	}

	@PostMapping("/sign-in/link")
	String useLink(@RequestParam(defaultValue = "") String token,
			@RequestParam(name = "return", required = false) String returnUrl, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String back = returnTo(returnUrl, model);
		Outcome outcome = this.signIns.useLink(token);
		if (outcome.signedIn()) {
			return signIn(outcome.email(), back, request, response, model);
		}
		return linkPage(token, outcome, response, model);
	}

	private String linkPage(String token, Outcome outcome, HttpServletResponse response, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", outcome.signedIn());
		model.addAttribute("email", (outcome.email() != null) ? outcome.email() : "");
		if (!outcome.signedIn()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("problem", message(outcome));
		}
		return "account/confirm-link";
	}

	/**
	 * The allowed return URL, also kept in the model for the page's forms; null when none
	 * was given or it is not allowed.
	 */
	private String returnTo(String requested, Model model) {
		String allowed = this.returnUrls.allowed(requested).orElse(null);
		model.addAttribute("returnUrl", allowed);
		return allowed;
	}

	private String signIn(String email, String returnUrl, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		UUID supporterId = this.memberships.supporterIdOf(email).orElse(null);
		if (supporterId == null) {
			model.addAttribute("email", email);
			return "account/not-a-supporter";
		}
		this.readers.signIn(supporterId, request, response);
		return "redirect:" + ((returnUrl != null) ? returnUrl : "/account");
	}

	/** The key in the bundles of what went wrong. */
	private static String message(Outcome outcome) {
		return switch (outcome.state()) {
			case USED -> "sign-in.error.used";
			case EXPIRED -> "sign-in.error.expired";
			case TOO_MANY -> "sign-in.error.too-many-codes";
			case WRONG_CODE -> "sign-in.error.wrong-code";
			case UNKNOWN, VALID -> "sign-in.error.invalid";
		};
	}

}
