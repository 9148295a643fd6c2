package org.finbridge.party;

import java.util.List;
import java.util.Optional;

/** Registering and finding parties. */
public interface Parties {

    Registration register(NewParty party);

    Optional<Party> find(PartyId id);

    List<Party> list(PartyKind kind, int limit);
}
