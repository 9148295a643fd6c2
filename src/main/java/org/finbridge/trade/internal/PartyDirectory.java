package org.finbridge.trade.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.springframework.stereotype.Component;

/**
 * Answers what kind of party an id names, through the party module's API. A {@link Lookup} remembers its
 * answers, so a bulk import asks once per distinct party, not once per row.
 */
@Component
class PartyDirectory {

    private final Parties parties;

    PartyDirectory(Parties parties) {
        this.parties = parties;
    }

    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {

        private final Map<PartyId, Optional<PartyKind>> kinds = new HashMap<>();

        boolean is(PartyId id, PartyKind kind) {
            return kinds.computeIfAbsent(id, i -> parties.find(i).map(Party::kind)).filter(kind::equals).isPresent();
        }
    }
}
