package org.finbridge.settlement;

import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;

/**
 * What a sanctions review does to payouts, called by the compliance module in the transaction of the
 * reviewer's decision (AML Law art. 41: stop serving and freeze at once). Only operators act; each call is
 * idempotent, and every payout it moves is audited.
 */
public interface PayoutHolds {

    /**
     * A reviewer settled the possible match {@code hitId}. Confirmed: the payouts held on it become BLOCKED,
     * their money frozen in payouts-in-transit. A false positive: they are screened again and released to
     * CREATED, or stay held on the next open match of their beneficiary. Answers the payouts it moved.
     */
    List<Payout> matchDecided(Actor reviewer, String hitId, boolean confirmed);

    /** Holds every payout of the merchant not yet sent to a bank (a match confirmed on the merchant itself). */
    List<Payout> holdPending(Actor reviewer, PartyId merchant, String hitId);
}
