package org.supporters.payment.stripe;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.net.RequestOptions;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import org.supporters.catalog.BillingInterval;
import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;

/**
 * Tiers as Stripe Products and Prices, found by lookup key and created when missing. The
 * lookup key names the amount too, so a changed tier price becomes a new Stripe Price and
 * existing subscriptions keep theirs.
 */
@Component
@Conditional(StripeMode.class)
class StripePrices {

	private final StripeClient stripe;

	private final Catalog catalog;

	StripePrices(StripeClient stripe, Catalog catalog) {
		this.stripe = stripe;
		this.catalog = catalog;
	}

	static String lookupKey(String tierSlug, Money amount, BillingInterval interval) {
		return "supporters-" + tierSlug + "-" + interval.code() + "-"
				+ amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT) + "-" + amount.minor();
	}

	static String productId(String tierSlug) {
		return "supporters-tier-" + tierSlug;
	}

	/** The slug an own amount's Prices are filed under, in lookup keys and products. */
	static final String OWN_AMOUNT = "own-amount";

	/**
	 * The id of the tier's Stripe Price for this amount and interval; an own amount's
	 * ({@code tierSlug} {@code null}) is a Price of the "Own amount" product.
	 */
	String priceFor(String slug, Money amount, BillingInterval interval) {
		String tierSlug = (slug != null) ? slug : OWN_AMOUNT;
		String lookupKey = lookupKey(tierSlug, amount, interval);
		try {
			List<Price> found = this.stripe.v1()
				.prices()
				.list(PriceListParams.builder().addLookupKey(lookupKey).setActive(true).setLimit(1L).build())
				.getData();
			if (!found.isEmpty()) {
				return found.get(0).getId();
			}
			String product = productFor(tierSlug);
			Price price = this.stripe.v1()
				.prices()
				.create(PriceCreateParams.builder()
					.setProduct(product)
					.setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
					.setUnitAmount(amount.minor())
					.setRecurring(PriceCreateParams.Recurring.builder()
						.setInterval((interval == BillingInterval.YEAR) ? PriceCreateParams.Recurring.Interval.YEAR
								: PriceCreateParams.Recurring.Interval.MONTH)
						.build())
					.setLookupKey(lookupKey)
					.putAllMetadata(OWN_AMOUNT.equals(tierSlug) ? Map.of() : Map.of("tier", tierSlug))
					.build(), RequestOptions.builder().setIdempotencyKey("supporters-price-" + lookupKey).build());
			return price.getId();
		}
		catch (StripeException ex) {
			throw new StripeCallFailedException("Finding the price " + lookupKey, ex);
		}
	}

	private String productFor(String tierSlug) throws StripeException {
		String id = productId(tierSlug);
		try {
			return this.stripe.v1().products().retrieve(id).getId();
		}
		catch (com.stripe.exception.InvalidRequestException ex) {
			if (ex.getStatusCode() == null || ex.getStatusCode() != 404) {
				throw ex;
			}
		}
		String name = OWN_AMOUNT.equals(tierSlug) ? "Own amount"
				: this.catalog.tier(tierSlug).map(Tier::name).orElse(tierSlug);
		Product product = this.stripe.v1()
			.products()
			.create(ProductCreateParams.builder().setId(id).setName(name).putMetadata("tier", tierSlug).build(),
					RequestOptions.builder().setIdempotencyKey("supporters-product-" + tierSlug).build());
		return product.getId();
	}

}
