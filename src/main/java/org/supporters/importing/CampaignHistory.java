package org.supporters.importing;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the move's campaign sent a supporter, for their staff page. */
@Service
public class CampaignHistory {

	private final CampaignReportRepository repository;

	CampaignHistory(CampaignReportRepository repository) {
		this.repository = repository;
	}

	/** The campaign's mails to the supporter, oldest first; none for most supporters. */
	@Transactional(readOnly = true)
	public List<CampaignMailSent> mails(UUID supporterId) {
		return this.repository.mails(supporterId);
	}

}
