package org.finbridge.party;

import java.util.List;
import java.util.Optional;

/** Registering and finding parties. */
public interface Parties {

    Registration register(NewParty party);

    Optional<Party> find(PartyId id);

    List<Party> list(PartyKind kind, int limit);

    /**
     * Stops serving a party at once (AML Law art. 41, a confirmed sanctions match): SUSPENDED, its keys
     * and console sessions stop working, payments to it are refused, and an approval of its KYB file does
     * not lift the suspension. Audited with the reason; false when it was suspended already or is unknown.
     */
    boolean suspend(PartyId id, String reason, String actor);
}
