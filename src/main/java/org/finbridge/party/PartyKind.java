package org.finbridge.party;

/** Who takes part in the platform. */
public enum PartyKind {
    /** An export seller collecting payments. */
    MERCHANT,
    BUYER,
    /** A marketplace (platform) pushing orders and store data. */
    MARKETPLACE,
    LOGISTICS_PROVIDER,
    LENDER,
    GUARANTOR,
    PAYMENT_INSTITUTION,
    REGULATOR,
    /** The platform's own operations staff. */
    OPERATOR
}
