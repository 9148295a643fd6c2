package org.finbridge.payments.connector;

/** Where a payment happens relative to the merchant, as fee schedules price it. */
public enum Region {
    DOMESTIC,
    CROSS_BORDER;

    public static Region of(String buyerCountry, String merchantCountry) {
        return buyerCountry != null && buyerCountry.equalsIgnoreCase(merchantCountry) ? DOMESTIC : CROSS_BORDER;
    }
}
