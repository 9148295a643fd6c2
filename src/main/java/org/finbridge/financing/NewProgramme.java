package org.finbridge.financing;

import java.math.BigDecimal;
import java.util.Map;

/** A lender's request to publish a programme; see {@link Programme} for the fields. */
public record NewProgramme(String name, Product product, String currency, BigDecimal annualRate, int months,
                           AmortizationMethod method, DayCount dayCount, int upfrontFeeBasisPoints,
                           int fixedFeeBasisPoints, int holdbackBasisPoints, int minPaymentBasisPoints, int periodDays,
                           BigDecimal penaltyRate, int servicingFeeBasisPoints, Map<String, Long> limitsByGrade,
                           int advanceRateBasisPoints, int depositBasisPoints) {

    /** A programme that asks for no security deposit. */
    public NewProgramme(String name, Product product, String currency, BigDecimal annualRate, int months,
                        AmortizationMethod method, DayCount dayCount, int upfrontFeeBasisPoints, int fixedFeeBasisPoints,
                        int holdbackBasisPoints, int minPaymentBasisPoints, int periodDays, BigDecimal penaltyRate,
                        int servicingFeeBasisPoints, Map<String, Long> limitsByGrade, int advanceRateBasisPoints) {
        this(name, product, currency, annualRate, months, method, dayCount, upfrontFeeBasisPoints, fixedFeeBasisPoints,
                holdbackBasisPoints, minPaymentBasisPoints, periodDays, penaltyRate, servicingFeeBasisPoints, limitsByGrade,
                advanceRateBasisPoints, 0);
    }

    /** A programme of a product that does not lend against receivables (no advance rate). */
    public NewProgramme(String name, Product product, String currency, BigDecimal annualRate, int months,
                        AmortizationMethod method, DayCount dayCount, int upfrontFeeBasisPoints, int fixedFeeBasisPoints,
                        int holdbackBasisPoints, int minPaymentBasisPoints, int periodDays, BigDecimal penaltyRate,
                        int servicingFeeBasisPoints, Map<String, Long> limitsByGrade) {
        this(name, product, currency, annualRate, months, method, dayCount, upfrontFeeBasisPoints, fixedFeeBasisPoints,
                holdbackBasisPoints, minPaymentBasisPoints, periodDays, penaltyRate, servicingFeeBasisPoints, limitsByGrade, 0, 0);
    }
}
