package org.supporters.importing;

import java.time.Instant;
import java.util.Map;

import org.supporters.supporter.SupporterSource;

/**
 * An upload: a dry run until confirmed, then an import with its counts.
 *
 * @param tierMap staff's tier mapping, the file's tier name in lower case to our slug or
 * "none"
 */
record StoredImport(long id, SupporterSource source, ImportStatus status, String fileName, String fileSha256,
		long fileBytes, Map<String, String> tierMap, Integer rowsTotal, Integer rowsCreated, Integer rowsUpdated,
		Integer rowsUnchanged, Integer rowsSkipped, Instant uploadedAt, Instant importedAt, Instant campaignStartedAt) {

	public boolean imported() {
		return this.status == ImportStatus.IMPORTED;
	}

}
