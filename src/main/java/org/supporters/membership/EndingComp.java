package org.supporters.membership;

import java.util.UUID;

/** A comp and the supporter it was given to. */
public record EndingComp(UUID supporterId, Comp comp) {
}
