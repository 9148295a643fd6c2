package org.finbridge.banking;

/**
 * A bank's verdict on a payment instruction, from its ISO 20022 status code
 * (ExternalPaymentTransactionStatus1Code), grouped by what a payout does next.
 */
public sealed interface PaymentStatus {

    /** The ISO status code as the bank sent it (ACCP, ACSC, RJCT, …). */
    String code();

    /** Received or waiting (RCVD, PDNG, ACPD): nothing to do yet. */
    record Pending(String code) implements PaymentStatus {
    }

    /**
     * Accepted but not yet settled (ACTC technical validation, ACCP customer profile, ACSP settlement in
     * process, ACWC / ACWP accepted with change / pending, ACFC funds checked, ACIS, PATC, PART): the
     * payout is with the bank.
     */
    record Accepted(String code) implements PaymentStatus {
    }

    /** Settled (ACSC on the debtor's side, ACCC on the creditor's): the money has left. */
    record Settled(String code) implements PaymentStatus {
    }

    /**
     * Rejected (RJCT) or cancelled (CANC): the payout failed and its ledger movement is to be reversed.
     *
     * @param reasonCode            the ISO ExternalStatusReason1Code (AC01 incorrect account number, AC04
     *                              closed account, AM04 insufficient funds, …) or proprietary reason, or null
     * @param additionalInformation the bank's explanation, or null
     */
    record Rejected(String code, String reasonCode, String additionalInformation) implements PaymentStatus {
    }

    /** A code outside the ISO list: the payout stays where it is and an operator looks. */
    record Unrecognised(String code) implements PaymentStatus {
    }
}
