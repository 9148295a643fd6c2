package org.finbridge.financing;

import java.time.Instant;
import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * What financing needs to know of a party's credit standing, provided by the credit registry (which
 * implements this interface as a bean). Until one is wired in, the default answers empty for everyone:
 * no standing is known, offers are drawn only from limits a lender set for {@link #UNRATED} parties, and
 * underwriting refers every application to a person (never approves on missing data).
 */
public interface CreditStanding {

    /** The grade of a party whose standing is not known. */
    String UNRATED = "UNRATED";

    Optional<Standing> of(PartyId party);

    /**
     * @param scorePoints the registry's score (higher is better)
     * @param grade the risk grade lenders set limits by (A best … E worst)
     */
    record Standing(int scorePoints, String grade, Instant asOf) {
    }
}
