package org.finbridge.credit;

import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * Credit scores of parties, for other modules of the platform (financing decides limits and prices on
 * them). Reading a score here is the platform's own use; a third party reads a score only inside a
 * credit report, with the subject's consent (REGULATIONS.md §3.1, art. 18).
 */
public interface CreditScores {

    /** The party's most recent score, or empty when it has never been scored. */
    Optional<CreditScore> latest(PartyId party);
}
