package org.finbridge.settlement;

import org.finbridge.party.PartyId;

/**
 * Sanctions screening of a payout's beneficiary, provided by the compliance module (AML Law arts. 40–41:
 * screen customers and counterparties, stop on a match). Payouts call it before a payout is written; a
 * possible match holds the payout for a reviewer. When no screening service is configured the answer is
 * {@link Unavailable}: the payout goes ahead (its merchant was screened at onboarding, by a person if
 * need be) and its audit entry says it was not screened.
 */
public interface PayoutScreening {

    Outcome screen(Beneficiary beneficiary);

    /**
     * Who receives the money: the holder of the merchant's bank account and the account's country.
     *
     * @param merchantId the merchant paying out, whose review file the possible matches join
     */
    record Beneficiary(PartyId merchantId, String holderName, String country) {
    }

    sealed interface Outcome {
    }

    /** Screened against the named list versions; nothing found, or only matches settled as false positives. */
    record Clear(String listVersions) implements Outcome {
    }

    /** A possible (or confirmed) match: the payout waits for the review of {@code hitId}. */
    record Held(String reason, String hitId) implements Outcome {
    }

    /** Nothing could be screened (no list in force, or not every required list). */
    record Unavailable(String reason) implements Outcome {
    }
}
