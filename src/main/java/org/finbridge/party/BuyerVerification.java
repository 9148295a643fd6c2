package org.finbridge.party;

import java.util.Optional;

/** Moves a buyer from ANONYMOUS to VERIFIED once its name and identity document check out. */
public interface BuyerVerification {

    sealed interface Result {
        record Verified(BuyerTier tier) implements Result {
        }

        record NotFound(String what) implements Result {
        }

        record InvalidField(String field, String reason) implements Result {
        }
    }

    /**
     * @param documentType CN_RESIDENT_ID (GB 11643 check digit verified) or PASSPORT (format of the
     *     issuing country)
     */
    Result verify(PartyId buyer, String fullName, String documentType, String documentCountry, String documentNumber,
                  String actor);

    /** The buyer's tier; empty when the party is not a buyer. */
    Optional<BuyerTier> tierOf(PartyId buyer);
}
