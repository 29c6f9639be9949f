package org.supporters.pledge;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the support page finds what an ask suggests (implemented by the ask module, so
 * that the pledge flow does not depend on it): the reader who clicked an ask finds its
 * amounts and frequency chosen for them.
 */
public interface AskPrefills {

	/** The variant's suggestion, or empty for an unknown ask or variant. */
	Optional<AskPrefill> find(UUID ask, String variant);

}
