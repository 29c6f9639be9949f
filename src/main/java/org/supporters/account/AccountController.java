package org.supporters.account;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Tier;
import org.supporters.membership.Membership;
import org.supporters.membership.MembershipCookie;
import org.supporters.payment.PaymentProvider;
import org.supporters.supporter.Pledge;
import org.supporters.supporter.PledgeStatus;

/** The signed-in reader's account: membership, pledges, their data, signing out. */
@Controller
class AccountController {

	private final AccountRecords repository;

	private final MembershipCookie cookie;

	private final ReaderSignIn readers;

	private final PaymentProvider provider;

	private final PersonalData personalData;

	private final Catalog catalog;

	private final Clock clock;

	private final AccountText text;

	AccountController(AccountRecords repository, MembershipCookie cookie, ReaderSignIn readers,
			PaymentProvider provider, PersonalData personalData, Catalog catalog, Clock clock, AccountText text) {
		this.text = text;
		this.catalog = catalog;
		this.clock = clock;
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
		Instant now = this.clock.instant();
		List<Pledge> pledges = this.repository.pledges(supporterId);
		Status status = status(membership, pledges, now);
		model.addAttribute("email", this.repository.email(supporterId).orElse(""));
		model.addAttribute("status", membership.status());
		model.addAttribute("statusText", status.sentence());
		model.addAttribute("updateCard", status.updateCard());
		model.addAttribute("invite", status.invite());
		model.addAttribute("tier",
				(membership.tier() != null) ? this.catalog.tier(membership.tier()).map(Tier::name).orElse(null) : null);
		model.addAttribute("benefits", this.catalog.benefits(membership.benefits()));
		model.addAttribute("pledges", this.repository.pledgeLines(supporterId, now, this.provider.name()));
		model.addAttribute("noManageLink", request.getParameter("noManageLink") != null);
		return "account/account";
	}

	/**
	 * The sentence at the top of the page, whether updating the card comes first, and
	 * what to invite the reader to (nothing while a pledge of theirs is still being
	 * retried).
	 */
	private Status status(Membership membership, List<Pledge> pledges, Instant now) {
		Instant until = membership.validUntil();
		String tier = (membership.tier() != null) ? this.catalog.tier(membership.tier()).map(Tier::name).orElse(null)
				: null;
		switch (membership.status()) {
			case ACTIVE -> {
				Optional<Pledge> charging = pledges.stream()
					.filter((pledge) -> pledge.stillCharging() && pledge.status() == PledgeStatus.ACTIVE)
					.filter((pledge) -> pledge.currentPeriodEnd() != null && pledge.currentPeriodEnd().isAfter(now))
					.findFirst();
				return new Status(charging
					.map((pledge) -> (tier != null)
							? this.text.say("account.status.active.tier.next", tier, pledge.amount().formatted(),
									this.text.date(pledge.currentPeriodEnd()))
							: this.text.say("account.status.active.next", pledge.amount().formatted(),
									this.text.date(pledge.currentPeriodEnd())))
					.orElseGet(() -> (tier != null) ? this.text.say("account.status.active.tier", tier)
							: this.text.say("account.status.active")),
						false, null);
			}
			case GRACE -> {
				// the provider's next try is the reader's deadline: should it be the last
				// and
				// fail, the membership ends then, before its grace would
				Instant deadline = pledges.stream()
					.filter((pledge) -> pledge.endedAt() == null && pledge.status() == PledgeStatus.PAST_DUE)
					.map(Pledge::nextRetryAt)
					.filter((retry) -> retry != null && retry.isAfter(now))
					.min(Instant::compareTo)
					.orElse(until);
				return new Status(this.text.say("account.status.grace", (deadline != null)
						? this.text.shortDate(deadline, now) : this.text.say("account.status.grace.end")), true, null);
			}
			case CANCELING -> {
				return new Status(this.text.say("account.status.canceling", on(until)), false, null);
			}
			case COMP -> {
				return new Status((tier != null) ? this.text.say("account.status.comp.tier", tier, on(until))
						: this.text.say("account.status.comp", on(until)), false, null);
			}
			case CONTRIBUTOR -> {
				return new Status(this.text.say("account.status.contributor", on(until)), false, null);
			}
			default -> {
				boolean retrying = pledges.stream()
					.anyMatch((pledge) -> pledge.endedAt() == null && pledge.status() == PledgeStatus.PAST_DUE);
				if (retrying) {
					return new Status(this.text.say("account.status.retrying"), true, null);
				}
				if (!pledges.isEmpty()) {
					return new Status(this.text.say("account.status.ended"), false,
							this.text.say("account.invite.again"));
				}
				return new Status(this.text.say("account.status.none"), false, this.text.say("account.invite"));
			}
		}
	}

	/** A date, or what it stands for while membership gave none. */
	private String on(Instant until) {
		return (until != null) ? this.text.date(until) : this.text.say("account.status.period-end");
	}

	/** What the top of the account page says and offers. */
	private record Status(String sentence, boolean updateCard, String invite) {
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
			return withEraseError("account.erase.error.confirm", principal, request, response, model);
		}
		if (this.personalData.erase(supporterId) == PersonalData.Erasure.CANCEL_PLEDGE_FIRST) {
			return withEraseError("account.erase.error.still-charging", principal, request, response, model);
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

}
