package org.finbridge.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.finbridge.money.CurrencyCode;

/**
 * A reference rate: units of {@code quote} per 1 {@code base}, crossed through EUR from one fixing.
 *
 * @param fixingDate the fixing used: the latest one on or before the date asked for
 */
public record ReferenceRate(CurrencyCode base, CurrencyCode quote, BigDecimal rate, LocalDate fixingDate,
                            String source) {
}
