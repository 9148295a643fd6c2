package org.finbridge.supervision;

/**
 * The two halves of an individual's annual FX facilitation quota, tracked separately (regulations notes §2,
 * 个人外汇管理办法实施细则 Art.2): selling foreign currency for CNY and buying foreign currency with CNY.
 */
public enum FxDirection {
    /** 结汇: foreign currency sold for CNY. */
    SETTLEMENT,
    /** 购汇: foreign currency bought with CNY. */
    PURCHASE
}
