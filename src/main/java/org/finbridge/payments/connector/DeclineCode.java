package org.finbridge.payments.connector;

/**
 * Why a connector or the issuer behind it said no, with the ISO 8583 response code where there is one.
 * A soft decline may succeed later or elsewhere (retry, another route); a hard decline will not, and
 * retrying it is what card network rules penalise (Visa's excessive reattempts rule).
 */
public enum DeclineCode {
    INSUFFICIENT_FUNDS("51", true),
    DO_NOT_HONOUR("05", true),
    EXCEEDS_WITHDRAWAL_LIMIT("61", true),
    ISSUER_UNAVAILABLE("91", true),
    PROCESSING_ERROR("96", true),
    SUSPECTED_FRAUD("59", false),
    EXPIRED_CARD("54", false),
    LOST_CARD("41", false),
    STOLEN_CARD("43", false),
    INVALID_ACCOUNT("14", false),
    TRANSACTION_NOT_PERMITTED("57", false),
    AUTHENTICATION_FAILED(null, false),
    /** The buyer did not complete the wallet, transfer or push payment in time. */
    BUYER_ABANDONED(null, false),
    /** The amount is outside the connector's limits for this method. */
    AMOUNT_LIMIT_EXCEEDED(null, false),
    CURRENCY_NOT_SUPPORTED(null, false);

    private final String isoCode;
    private final boolean soft;

    DeclineCode(String isoCode, boolean soft) {
        this.isoCode = isoCode;
        this.soft = soft;
    }

    /** The ISO 8583 field 39 response code, or null for declines that are not an issuer's. */
    public String isoCode() {
        return isoCode;
    }

    public boolean isSoft() {
        return soft;
    }
}
