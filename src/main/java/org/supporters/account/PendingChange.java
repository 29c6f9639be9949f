package org.supporters.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Money;
import org.supporters.supporter.Pledge;

/**
 * A change a reader asked for; it is pending until the ledger shows it (the provider's
 * answer comes back through the inbox).
 *
 * @param tierSlug {@code null} for an own amount, or for a cancel or a resume
 */
record PendingChange(UUID pledgeId, Kind kind, String tierSlug, Money amount, BillingInterval interval,
		Instant requestedAt) {

	/** Whether the ledger's pledge shows the change (or ended, so that none can come). */
	boolean shownBy(Pledge pledge, String pledgeTierSlug) {
		if (pledge.endedAt() != null) {
			return true;
		}
		return switch (this.kind) {
			case CHANGE -> pledge.amount().equals(this.amount) && pledge.interval() == this.interval
					&& Objects.equals(pledgeTierSlug, this.tierSlug);
			case CANCEL -> pledge.cancelAtPeriodEnd();
			case RESUME -> !pledge.cancelAtPeriodEnd();
		};
	}

	enum Kind {

		CHANGE("change"), CANCEL("cancel"), RESUME("resume");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code.equals(code)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("Unknown change: " + code);
		}

	}

}
