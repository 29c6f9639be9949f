package org.supporters.lifecycle;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.supporters.lifecycle.CardLinks.Status;
import org.supporters.lifecycle.CardLinks.Verdict;
import org.supporters.payment.PaymentProvider;
import org.supporters.payment.PaymentProviderUnavailableException;
import org.supporters.supporter.Supporter;
import org.supporters.supporter.Supporters;

/**
 * {@code GET /account/card/{token}}: the payment-failed mail's button. A genuine,
 * unexpired link goes on to the provider's update-card page (Stripe's Customer Portal,
 * the sandbox's manage page) without signing in; any other link gets a page that says
 * what to do instead.
 */
@Controller
class CardLinkController {

	private final CardLinks links;

	private final Supporters supporters;

	private final PaymentProvider provider;

	CardLinkController(CardLinks links, Supporters supporters, PaymentProvider provider) {
		this.links = links;
		this.supporters = supporters;
		this.provider = provider;
	}

	@GetMapping("/account/card/{token}")
	String open(@PathVariable String token, Model model, HttpServletResponse response) {
		Verdict verdict = this.links.check(token);
		if (verdict.status() == Status.VALID) {
			Optional<URI> page;
			try {
				page = this.supporters.supporter(verdict.supporterId())
					.filter((supporter) -> supporter.erasedAt() == null)
					.map(Supporter::email)
					.flatMap(this.provider::manageUrl);
			}
			catch (PaymentProviderUnavailableException ex) {
				// the link stays good: the same click works once the provider answers
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setHeader("Retry-After", "60");
				model.addAttribute("problem", "provider-down");
				return "lifecycle/card-link";
			}
			if (page.isPresent()) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader("Location", page.get().toString());
				return null;
			}
		}
		String problem = switch (verdict.status()) {
			case EXPIRED -> "expired";
			case INVALID -> "invalid";
			case VALID -> "unavailable";
		};
		response
			.setStatus((verdict.status() == Status.EXPIRED) ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
		model.addAttribute("problem", problem);
		return "lifecycle/card-link";
	}

}
