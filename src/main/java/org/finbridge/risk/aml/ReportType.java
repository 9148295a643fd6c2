package org.finbridge.risk.aml;

/**
 * The two reports a payment institution files with the China Anti-Money Laundering Monitoring and
 * Analysis Centre (AML Law art. 35, PBoC Order 2016 No. 3; REGULATIONS §4.2).
 */
public enum ReportType {
    /** Large-value transaction report (大额交易报告): by amount thresholds, no suspicion needed. */
    LTR,
    /** Suspicious transaction report (可疑交易报告): on reasonable suspicion, no amount threshold. */
    STR
}
