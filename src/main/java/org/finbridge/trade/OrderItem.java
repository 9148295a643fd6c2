package org.finbridge.trade;

/** One line of an order: what (HS code, description), how many, at what unit price in minor units. */
public record OrderItem(HsCode hsCode, String description, long quantity, long unitPriceMinorUnits) {

    /** quantity × unit price; validation refuses lines where this overflows. */
    public long amountMinorUnits() {
        return Math.multiplyExact(quantity, unitPriceMinorUnits);
    }
}
