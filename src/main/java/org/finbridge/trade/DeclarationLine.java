package org.finbridge.trade;

/** One line of a customs declaration: the goods' HS code, description, quantity and declared value. */
public record DeclarationLine(HsCode hsCode, String description, long quantity, long valueMinorUnits) {
}
