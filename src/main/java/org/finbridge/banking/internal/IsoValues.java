package org.finbridge.banking.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import org.finbridge.banking.Refusal.Reason;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.money.UnknownCurrencyException;
import org.w3c.dom.Element;

/** ISO 20022 amounts and dates to Finbridge's money and dates, refusing what has no exact meaning. */
final class IsoValues {

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?[0-9]{1,30}(\\.[0-9]{0,30})?");

    private IsoValues() {
    }

    /**
     * An {@code Amt Ccy="…"} element as money in minor units. The currency's ISO 4217 exponent decides
     * the minor unit: {@code 105678.50 SEK} is 10567850, {@code 2700 JPY} is 2700. An amount finer than
     * its currency's minor unit ({@code 8.855 EUR}) or negative cannot be booked and is refused.
     */
    static Money money(Element amount, String where) {
        if (amount == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": the amount is missing");
        }
        String text = amount.getTextContent().strip();
        String code = amount.getAttribute("Ccy").strip();
        CurrencyCode currency;
        try {
            currency = CurrencyCode.of(code);
        } catch (UnknownCurrencyException e) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": '" + bounded(code) + "' is not an ISO 4217 currency");
        }
        if (!DECIMAL.matcher(text).matches()) {
            // the xs:decimal lexical form only: no exponent, which could ask for a billion-digit number
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": '" + bounded(text) + "' is not an amount");
        }
        BigDecimal value = new BigDecimal(text);
        return money(value, currency, where, text);
    }

    /** A decimal amount from a parsed model in an ISO currency, as exact money. */
    static Money money(BigDecimal value, String code, String where) {
        if (value == null || code == null) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": the amount or its currency is missing");
        }
        CurrencyCode currency;
        try {
            currency = CurrencyCode.of(code);
        } catch (UnknownCurrencyException e) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": '" + bounded(code) + "' is not an ISO 4217 currency");
        }
        return money(value, currency, where, value.toPlainString());
    }

    private static Money money(BigDecimal value, CurrencyCode currency, String where, String text) {
        if (value.signum() < 0) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": negative amount " + text
                    + " (the direction belongs in CdtDbtInd)");
        }
        try {
            BigDecimal minor = value.movePointRight(currency.exponent()).setScale(0, RoundingMode.UNNECESSARY);
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": " + text + " " + currency
                    + " is not a whole number of " + currency + "'s minor unit (" + currency.exponent()
                    + " decimals) or too large");
        }
    }

    /** Money as an ISO decimal with exactly the currency's number of decimals: 1050 EUR cents is 10.50. */
    static BigDecimal decimal(Money money) {
        return BigDecimal.valueOf(money.minorUnits(), money.currency().exponent());
    }

    /**
     * A DateAndDateTimeChoice ({@code <Dt>} or {@code <DtTm>}) as a calendar date. A date-time counts on
     * the date the bank wrote, in its own offset: {@code 2010-10-18T13:15:00+01:00} is 18 October.
     */
    static LocalDate date(Element choice, String where) {
        if (choice == null) {
            return null;
        }
        String date = Dom.text(choice, "Dt");
        String dateTime = Dom.text(choice, "DtTm");
        try {
            if (date != null) {
                return LocalDate.from(DateTimeFormatter.ISO_DATE.parse(date));
            }
            if (dateTime != null) {
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(dateTime);
                return LocalDate.from(parsed);
            }
        } catch (DateTimeParseException e) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + ": '" + bounded(date != null ? date : dateTime)
                    + "' is not an ISO 8601 date");
        }
        return null;
    }

    /** A value quoted in a refusal, cut short: a refusal must not repeat a hostile megabyte. */
    static String bounded(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** A text that must fit the column it is stored in: refused rather than cut. */
    static String bounded(String value, int maxLength, String where) {
        if (value != null && value.length() > maxLength) {
            throw new XmlRefusedException(Reason.INVALID_CONTENT, where + " is longer than " + maxLength
                    + " characters: '" + bounded(value) + "'");
        }
        return value;
    }
}
