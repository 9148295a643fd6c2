package org.finbridge.money;

/**
 * Arithmetic across two currencies. Always a programming error: converting needs a {@link Rate} and an
 * explicit rounding direction, never an implicit mix.
 */
public class CurrencyMismatchException extends IllegalStateException {
    public CurrencyMismatchException(CurrencyCode left, CurrencyCode right) {
        super("currency mismatch: " + left + " vs " + right);
    }
}
