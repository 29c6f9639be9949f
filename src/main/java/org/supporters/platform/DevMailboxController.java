package org.supporters.platform;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The local outbox as a mailbox, so that sign-in works without an SMTP server while
 * trying the service. Only in sandbox mode (no Stripe key): a live service never shows
 * readers' mail.
 */
@Controller
class DevMailboxController {

	private final Mail mail;

	private final Environment environment;

	DevMailboxController(Mail mail, Environment environment) {
		this.mail = mail;
		this.environment = environment;
	}

	@GetMapping("/dev/mailbox")
	String mailbox(Model model) {
		if (StringUtils.hasText(this.environment.getProperty("stripe.secret-key"))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("mails", this.mail.newest(50));
		return "platform/mailbox";
	}

}
