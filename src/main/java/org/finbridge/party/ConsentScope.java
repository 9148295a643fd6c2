package org.finbridge.party;

/** What data a consent covers. */
public enum ConsentScope {
    /** The credit report: score, reasons, payment and trade behaviour, repayment record. */
    CREDIT_REPORT,
    /** Sales, refunds and chargebacks as recorded by the platform. */
    TRADE_DATA,
    /** Balances and settlement history. */
    ACCOUNT_DATA,
    /** Income, deposits and tax data: sensitive, only with explicit consent (Credit Reporting Regulation art. 14). */
    INCOME_AND_TAX
}
