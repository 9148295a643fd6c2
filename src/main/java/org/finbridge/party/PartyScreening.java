package org.finbridge.party;

import java.util.List;

/**
 * Sanctions screening of a party and its owners, provided by the risk module. Onboarding calls it on
 * every submission; when no screening service is configured the answer is {@link Unavailable} and the
 * application goes to a reviewer who screens by hand: nothing is ever cleared automatically.
 */
public interface PartyScreening {

    Outcome screen(Subject subject);

    /** Who is screened: the company and each beneficial owner, names in Latin and original script. */
    record Subject(PartyId partyId, String legalName, String legalNameOriginal, String country,
                   List<KybApplication.BeneficialOwner> owners) {
    }

    sealed interface Outcome {
    }

    /** Screened against the named list versions; nothing found. */
    record Clear(String listVersions) implements Outcome {
    }

    /** Possible matches for a reviewer to confirm or dismiss. */
    record PossibleMatches(List<String> hits) implements Outcome {
    }

    /** No screening could be done; a person must screen. */
    record Unavailable(String reason) implements Outcome {
    }
}
