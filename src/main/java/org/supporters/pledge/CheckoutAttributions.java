package org.supporters.pledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.supporters.catalog.Money;

/**
 * What the checkouts say about where pledges came from: per ask and variant, per article,
 * per supporter, and how many completed in a period (an ask's ticker). Read-only.
 */
@Service
public class CheckoutAttributions {

	private final CheckoutRepository checkouts;

	CheckoutAttributions(CheckoutRepository checkouts) {
		this.checkouts = checkouts;
	}

	/** Checkouts started from each of the ask's variants, and those that completed. */
	public List<VariantCheckouts> byVariant(UUID ask) {
		return this.checkouts.attributedByVariant(ask);
	}

	/** The articles whose asks brought the most completed pledges, most first. */
	public List<ArticleCheckouts> topArticles(int limit) {
		return this.checkouts.topArticles(limit);
	}

	/**
	 * Checkouts completed in [from, until): the pledges won, and their amounts per
	 * currency.
	 */
	public Progress completedBetween(Instant from, Instant until) {
		return this.checkouts.completedBetween(from, until);
	}

	/**
	 * What brought each of this email's completed checkouts, newest first; none
	 * unattributed.
	 */
	public List<BroughtBy> broughtBy(String email) {
		return this.checkouts.broughtBy(email);
	}

	/**
	 * @param firstPayments the amount of each completed checkout's first payment, summed
	 * per currency
	 */
	public record VariantCheckouts(String variant, long started, long completed, List<Money> firstPayments) {
	}

	public record ArticleCheckouts(String article, long completed, List<Money> firstPayments) {
	}

	public record Progress(long completed, List<Money> amounts) {

		public long amountIn(String currency) {
			return this.amounts.stream()
				.filter((money) -> money.currency().getCurrencyCode().equals(currency))
				.mapToLong(Money::minor)
				.sum();
		}

	}

	public record BroughtBy(Instant completedAt, Money amount, UUID ask, String variant, String article,
			String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
			String referrer) {
	}

}
