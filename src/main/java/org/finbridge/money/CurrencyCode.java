package org.finbridge.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency with its minor-unit exponent.
 *
 * <p>The exponent table is ISO 4217's, as maintained in the JDK ({@link Currency#getDefaultFractionDigits()}):
 * JPY 0, USD 2, KWD 3. Codes without a minor unit in ISO 4217 (precious metals such as XAU, the
 * testing code XTS, XXX) are refused: a ledger cannot hold an amount it cannot count in whole units.
 */
public record CurrencyCode(String code, int exponent) {

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        Objects.requireNonNull(code, "code");
        if (!THREE_LETTERS.matcher(code).matches()) {
            throw new IllegalArgumentException("currency code must be three upper-case letters: " + code);
        }
        if (exponent < 0 || exponent > 18) {
            throw new IllegalArgumentException("currency exponent out of range: " + exponent);
        }
    }

    /**
     * Looks a code up in the ISO 4217 table.
     *
     * @throws UnknownCurrencyException when the code is not an ISO 4217 currency with minor units
     */
    public static CurrencyCode of(String code) {
        if (code == null || !THREE_LETTERS.matcher(code.toUpperCase(Locale.ROOT)).matches()) {
            throw new UnknownCurrencyException(String.valueOf(code));
        }
        String upper = code.toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new UnknownCurrencyException(upper);
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0 || upper.equals("XTS") || upper.equals("XXX")) {
            throw new UnknownCurrencyException(upper);
        }
        return new CurrencyCode(upper, digits);
    }

    /** True when {@link #of(String)} would accept the code. */
    public static boolean isKnown(String code) {
        try {
            of(code);
            return true;
        } catch (UnknownCurrencyException e) {
            return false;
        }
    }

    /** 10^exponent: how many minor units make one major unit. */
    public long minorUnitsPerMajor() {
        long factor = 1;
        for (int i = 0; i < exponent; i++) {
            factor = Math.multiplyExact(factor, 10L);
        }
        return factor;
    }

    @Override
    public String toString() {
        return code;
    }
}
