package org.finbridge.fx;

import java.time.LocalDate;
import org.finbridge.money.CurrencyCode;

/** Reference rates: imported from {@link RateProvider}s, crossed through EUR on demand. */
public interface ReferenceRates {

    /** The rate of the latest fixing on or before {@code date} in which both currencies have a rate. */
    ReferenceRateResult rate(CurrencyCode base, CurrencyCode quote, LocalDate date);

    /**
     * Imports the provider's fixings newer than the newest stored, in one transaction; importing the
     * same fixings again adds nothing.
     *
     * @return the number of fixing days added
     */
    int importFrom(RateProvider provider);
}
