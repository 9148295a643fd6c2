package org.finbridge.supervision;

/**
 * How China's customs treats one cross-border e-commerce retail import (regulations notes §1.1,
 * 财关税〔2016〕18号 and 〔2018〕49号).
 */
public enum CbecTreatment {
    /**
     * Within the single-transaction and the annual limit: tariff 0 %, import VAT and consumption tax at
     * 70 % of the statutory amount. The value counts toward the buyer's annual total.
     */
    CBEC_PREFERENTIAL("cbec-preferential"),
    /**
     * One indivisible item over the single-transaction limit, the annual total still within its limit: it
     * may enter through the retail channel, but tariff, VAT and consumption tax are levied in full; the value
     * still counts toward the annual total.
     */
    CBEC_FULL_SINGLE_ITEM("cbec-full-single-item"),
    /**
     * Over the annual limit (or over the single limit and divisible): general trade (一般贸易, mode 0110) with
     * full duties. Not a retail import, so it uses none of the buyer's annual quota.
     */
    GENERAL_TRADE("general-trade");

    private final String code;

    CbecTreatment(String code) {
        this.code = code;
    }

    /** The name printed by the command line and answered by the API. */
    public String code() {
        return code;
    }

    /** True when the order's value counts toward the buyer's annual CBEC total. */
    public boolean countsTowardAnnualLimit() {
        return this != GENERAL_TRADE;
    }
}
