package org.finbridge.financing;

/**
 * A loan's cash flow from the lender's side, in minor units: negative when money goes to the borrower
 * (the advance, net of fees kept back), positive when the borrower pays (instalments, fees).
 *
 * @param period when it happens, in whole unit periods from the advance (months, or days)
 */
public record CashFlow(long period, long amount) {

    public CashFlow {
        if (period < 0) {
            throw new IllegalArgumentException("a cash flow cannot precede the advance: period " + period);
        }
    }
}
