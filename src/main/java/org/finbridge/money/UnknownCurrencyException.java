package org.finbridge.money;

/** A currency code that is not an ISO 4217 currency with minor units. Bad input, reported to the caller. */
public class UnknownCurrencyException extends IllegalArgumentException {
    private final String code;

    public UnknownCurrencyException(String code) {
        super("unknown currency: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
