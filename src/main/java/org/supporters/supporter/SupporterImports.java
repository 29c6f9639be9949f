package org.supporters.supporter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.platform.ReaderErased;

/**
 * Records supporters who come from another service (Patreon, a CSV) with their history
 * there, many at a time: a migration brings tens of thousands in one transaction, so each
 * step is one statement for all of them rather than one per supporter.
 */
@Service
public class SupporterImports {

	private final SupporterImportRepository repository;

	SupporterImports(SupporterImportRepository repository) {
		this.repository = repository;
	}

	/**
	 * Creates the supporters not yet known (email unique in any letter case; a known
	 * supporter keeps their name) and stores or updates each one's origin, in the
	 * caller's transaction.
	 * @return each supporter's id by their email in lower case
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, UUID> record(List<ImportedSupporter> supporters, Instant at) {
		if (supporters.isEmpty()) {
			return Map.of();
		}
		this.repository.insertMissing(supporters, at);
		Map<String, UUID> ids = this.repository.idsOf(supporters.stream().map(ImportedSupporter::email).toList());
		this.repository.upsertOrigins(supporters, ids, at);
		return ids;
	}

	/** An erased reader's note from the other service goes with their name. */
	@EventListener
	void on(ReaderErased erased) {
		this.repository.eraseNote(erased.supporterId());
	}

}
