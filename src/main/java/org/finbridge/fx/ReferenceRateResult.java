package org.finbridge.fx;

import java.time.LocalDate;

/** The answer to "what was the reference rate of this pair on this date". */
public sealed interface ReferenceRateResult {

    record Found(ReferenceRate rate) implements ReferenceRateResult {
    }

    /** The source never publishes this currency (an ISO 4217 code all the same). */
    record CurrencyNotQuoted(String currency) implements ReferenceRateResult {
    }

    /** No fixing of both currencies on or before the date (CNY before 2005-04-01, any date before 1999). */
    record NoFixing(String base, String quote, LocalDate date) implements ReferenceRateResult {
    }
}
