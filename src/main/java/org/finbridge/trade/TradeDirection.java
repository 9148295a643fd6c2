package org.finbridge.trade;

/** Whether a customs declaration is for goods leaving or entering the declaring country. */
public enum TradeDirection {
    EXPORT,
    IMPORT
}
