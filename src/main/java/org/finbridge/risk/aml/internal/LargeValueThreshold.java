package org.finbridge.risk.aml.internal;

/**
 * The large-value transaction report triggers of PBoC Order 2016 No. 3 (amended 2018), applied to payment
 * accounts from 2019-01-01 by 银发〔2018〕163号 (REGULATIONS §4.2 and Appendix A {@code cn_aml.ltr}): a single
 * transaction or the same-day total per customer, one-sided (receipts and payments separately), of at
 * least the CNY amount for renminbi transactions or the USD equivalent for foreign-currency ones.
 * Amounts in minor units (fen, cents).
 */
public enum LargeValueThreshold {
    /** 0501: cash deposits, withdrawals, cash remittances and the like. */
    CASH("0501", 50_000_00L, 10_000_00L),
    /** 0502: a non-natural person's transfers. */
    ENTITY_TRANSFER("0502", 2_000_000_00L, 200_000_00L),
    /** 0503: a natural person's domestic transfers. */
    PERSON_DOMESTIC("0503", 500_000_00L, 100_000_00L),
    /** 0504: a natural person's cross-border transfers. */
    PERSON_CROSS_BORDER("0504", 200_000_00L, 10_000_00L);

    private final String featureCode;
    private final long cnyMinor;
    private final long usdMinor;

    LargeValueThreshold(String featureCode, long cnyMinor, long usdMinor) {
        this.featureCode = featureCode;
        this.cnyMinor = cnyMinor;
        this.usdMinor = usdMinor;
    }

    public String featureCode() {
        return featureCode;
    }

    public long cnyMinor() {
        return cnyMinor;
    }

    public long usdMinor() {
        return usdMinor;
    }
}
