package org.supporters.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How amounts and dates are written for a reader: in their language's locale
 * ({@link Languages#formatting}), "€10.00" and "18 February 2027" in English, "10,00 €"
 * and "18. Februar 2027" in German. Every reader page and mail formats through here;
 * dates are days in UTC, as the ledger counts them. Also the bean {@code @readerFormat}
 * for templates.
 */
@Component("readerFormat")
public class ReaderFormat {

	/** An amount exactly in its currency's number of decimals, e.g. "€12.50", "¥500". */
	public static String money(BigDecimal major, Currency currency, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Languages.formatting(locale));
		format.setCurrency(currency);
		int digits = currency.getDefaultFractionDigits();
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(major);
	}

	/** A count with the locale's grouping, e.g. "1,234" in English, "1.234" in German. */
	public static String count(long count, Locale locale) {
		return NumberFormat.getIntegerInstance(Languages.formatting(locale)).format(count);
	}

	/** The currency's symbol as the reader's locale writes it, e.g. "€". */
	public static String symbol(Currency currency, Locale locale) {
		return currency.getSymbol(Languages.formatting(locale));
	}

	/** A day, e.g. "18 February 2027". */
	public static String date(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Languages.formatting(locale))
			.format(instant.atZone(ZoneOffset.UTC));
	}

	/** A day without its year, e.g. "18 February", "18. Februar". */
	public static String dayAndMonth(Instant instant, Locale locale) {
		Locale formatting = Languages.formatting(locale);
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.LONG, null,
				IsoChronology.INSTANCE, formatting);
		String withoutYear = pattern.replaceAll("[\\s,]*y+[\\s.,]*", " ").strip();
		return DateTimeFormatter.ofPattern(withoutYear, formatting).format(instant.atZone(ZoneOffset.UTC));
	}

	/**
	 * A day in the same year as {@code now} without the year ("16 January"), else with
	 * it.
	 */
	public static String shortDate(Instant instant, Instant now, Locale locale) {
		return (instant.atOffset(ZoneOffset.UTC).getYear() == now.atOffset(ZoneOffset.UTC).getYear())
				? dayAndMonth(instant, locale) : date(instant, locale);
	}

	/** A day in the current request's language, for templates. */
	public String date(Instant instant) {
		return (instant != null) ? date(instant, Languages.current()) : "";
	}

}
