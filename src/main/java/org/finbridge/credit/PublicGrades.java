package org.finbridge.credit;

import java.util.Optional;
import org.finbridge.party.PartyId;

/** Opt-in publication of a seller's credit grade (A–D with its date), checked by buyers and marketplaces. */
public interface PublicGrades {

    void optIn(PartyId party);

    void optOut(PartyId party);

    /** The grade of a party that opted in and has a score; empty otherwise. */
    Optional<PublicGrade> of(PartyId party);
}
