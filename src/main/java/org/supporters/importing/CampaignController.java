package org.supporters.importing;

import java.util.OptionalLong;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The campaign's links in its mails: to the pre-filled support page (counted as opened),
 * and the one-click unsubscribe. Both are signed; anything else is not found.
 */
@Controller
class CampaignController {

	private final CampaignLinks links;

	private final ImportRepository repository;

	private final Campaign campaign;

	private final java.time.Clock clock;

	CampaignController(CampaignLinks links, ImportRepository repository, Campaign campaign, java.time.Clock clock) {
		this.links = links;
		this.repository = repository;
		this.campaign = campaign;
		this.clock = clock;
	}

	@GetMapping("/moving/{token}")
	@Transactional
	String open(@PathVariable String token) {
		OptionalLong patron = this.links.verify(token, CampaignLinks.Purpose.OPEN);
		ImportRepository.Invitation invitation = this.repository.invitation(patron.orElse(-1))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.repository.markOpened(invitation.patronId(), this.clock.instant());
		return "redirect:" + this.campaign.supportPage(invitation);
	}

	@GetMapping("/moving/{token}/unsubscribe")
	@Transactional
	String unsubscribe(@PathVariable String token) {
		OptionalLong patron = this.links.verify(token, CampaignLinks.Purpose.UNSUBSCRIBE);
		StoredPatron found = this.repository.patron(patron.orElse(-1))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.repository.unsubscribe(found.email(), this.clock.instant());
		return "importing/unsubscribed";
	}

}
