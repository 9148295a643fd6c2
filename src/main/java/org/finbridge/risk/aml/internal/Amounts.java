package org.finbridge.risk.aml.internal;

import java.math.BigDecimal;

/** Formats minor units for alert summaries (never for arithmetic). */
final class Amounts {

    private Amounts() {
    }

    static String cny(long fen) {
        return "CNY " + BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static String usd(long cents) {
        return "USD " + BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
